import { type ServiceId, serviceOf } from './services.js';

/** A handle folded for comparison, or what is wrong with it. */
export type FoldedHandle = { ok: true; handle: string } | { ok: false; message: string };

/** Handles longer than this are no handle on any network; checked before any pattern runs. */
export const maxHandleLength = 100;

/** Characters a handle of an unknown service may hold: letters, marks, digits, `_`, `.`, `-`, `#`, `~`. */
export const bareHandlePattern = /^[\p{L}\p{M}\p{N}_.#~-]{1,100}$/u;

/**
 * A handle as its service compares it: without leading `@`, NFKC, case-folded the service's way,
 * checked against the service's rules (Telegram: 5–32 letters, digits or `_`, starting with a letter).
 * Without a service, a handle keeps letters, digits and `_ . - # ~` only, so it can never be taken
 * for a phone number, an e-mail, a URL or a `service:handle` identity.
 */
export function foldHandle(service: ServiceId | null, raw: string): FoldedHandle {
  let start = 0;
  while (start < raw.length && raw[start] === '@') start += 1;
  const value = raw.slice(start).trim().normalize('NFKC');
  if (!value) return { ok: false, message: 'Empty handle' };
  if (value.length > maxHandleLength) return { ok: false, message: 'Too long for a handle' };
  if (/\s/u.test(value)) return { ok: false, message: 'A handle has no spaces' };
  const rule = service ? serviceOf(service).handle : null;
  if (!service || !rule) {
    if (service)
      return { ok: false, message: `${serviceOf(service).name} accounts are phone numbers: log it as a phone` };
    const handle = value.toLowerCase();
    if (!bareHandlePattern.test(handle))
      return {
        ok: false,
        message: 'A handle has only letters, digits, "_", "." or "-" (add its service, e.g. telegram)',
      };
    return { ok: true, handle };
  }
  let handle = rule.fold === 'upper' ? value.toUpperCase() : value.toLowerCase();
  if (!rule.pattern.test(handle)) return { ok: false, message: rule.hint };
  if (rule.noEdgeDots && (handle.startsWith('.') || handle.endsWith('.')))
    return { ok: false, message: `${rule.hint}, not starting or ending with "."` };
  if (rule.ignoreDots) handle = handle.replaceAll('.', '');
  return { ok: true, handle };
}
