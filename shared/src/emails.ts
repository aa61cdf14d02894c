/** Longest e-mail address SMTP allows. */
const maxEmail = 254;

/** Writes "[at]", "(at)", " at ", "[dot]", "(dot)", " dot " back as `@` and `.`, as people hide addresses in ads. */
export function deobfuscateEmail(value: string): string {
  return obfuscations.reduce((text, [pattern, plain]) => text.replace(pattern, plain), value);
}

/** The ways people hide `@` and `.`, each bounded so it runs in linear time. */
export const obfuscations: readonly [RegExp, string][] = [
  [/\s{0,3}[[(]\s{0,2}at\s{0,2}[\])]\s{0,3}/gi, '@'],
  [/\s{0,3}[[(]\s{0,2}dot\s{0,2}[\])]\s{0,3}/gi, '.'],
  [/(?<=\S)\s{1,3}at\s{1,3}(?=\S)/gi, '@'],
  [/(?<=\S)\s{1,3}dot\s{1,3}(?=\S)/gi, '.'],
];

/**
 * An e-mail address as compared (lower-case, de-obfuscated), or null. Checked by hand rather than
 * with `^[^\s@]+@[^\s@]+\.[^\s@]+$`, which backtracks quadratically on a long domain without a dot.
 */
export function readEmail(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > maxEmail * 2) return null;
  const email = deobfuscateEmail(trimmed).toLowerCase();
  if (email.length > maxEmail || /\s/.test(email)) return null;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return null;
  const domain = email.slice(at + 1);
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label.length === 0)) return null;
  return email;
}
