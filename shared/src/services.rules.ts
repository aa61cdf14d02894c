import type { HandleRule } from './services.js';

/** A rule for a network that compares handles case-insensitively. */
export const lower = (pattern: RegExp, hint: string, extra: Partial<HandleRule> = {}): HandleRule => ({
  pattern,
  hint,
  fold: 'lower',
  ...extra,
});

/** A rule for a network that publishes no handle rules: letters, digits, `.`, `_`, `-`, so a real handle is never refused. */
export const lenient = (name: string): HandleRule =>
  lower(/^[a-z0-9._-]{1,50}$/, `A ${name} username has letters, digits, ".", "_" or "-"`);
