/** A megaphone, drawn (no emoji font needed on the wall's machine). */
export function MegaphoneIcon({ className }: { className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M3 10v4a1 1 0 0 0 1 1h3l8 5V4L7 9H4a1 1 0 0 0-1 1z" fill="currentColor" fillOpacity="0.15" />
      <path d="M7 15l1.5 5h2.5l-1.5-5" />
      <path d="M19 8a5 5 0 0 1 0 8" />
    </svg>
  );
}
