/** Joins class names, skipping the empty ones (a CSS Module answers undefined for a name it lacks). */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
