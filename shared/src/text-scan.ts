import { deobfuscateEmail } from './emails.js';
import { type ServiceId, serviceOf, serviceOfWord } from './services.js';

// Every pattern here runs on pasted text of up to 100,000 characters, so each is built to run in
// linear time: a lookbehind lets a match start only where a run of its characters starts (inside
// a run it fails at once), quantifiers are bounded, and adjacent parts never accept the same
// character (nothing to backtrack into). Where that is not enough (phones, words), we scan by hand.
// `linear-time.test.ts` feeds each its worst cases at 100,000 characters; `regex-safety.test.ts`
// checks them with recheck.

/** A stretch of the text, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const atWord = String.raw`(?:@|\s{0,3}[[(]\s{0,2}at\s{0,2}[\])]\s{0,3}|\s{1,3}at\s{1,3})`;
const dotWord = String.raw`(?:\.|\s{0,3}[[(]\s{0,2}dot\s{0,2}[\])]\s{0,3}|\s{1,3}dot\s{1,3})`;

/** E-mail addresses, also written "name [at] example [dot] com". */
export const emailPattern = new RegExp(
  String.raw`(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}${atWord}[a-z0-9-]{1,63}(?:${dotWord}[a-z0-9-]{1,63}){1,8}`,
  'gi',
);

/** Web addresses with or without a scheme (`https://t.me/x`, `instagram.com/anna_k`, `x.onion`). */
export const urlPattern =
  /(?<![\p{L}\p{N}@._%+-])(?:https?:\/\/)?(?:[a-z0-9-]{1,63}\.){1,10}(?:[a-z]{2,24}|onion)(?![\p{L}\p{N}-])(?:[/?#][^\s<>"'`)\]]{0,2048})?/giu;

/** `@handle`, not inside a word or an address. */
export const handlePattern = /(?<![\p{L}\p{N}_.@/])@([a-z0-9_][a-z0-9_.]{0,63})(?![a-z0-9_])/giu;

/** Bitcoin, Ethereum, Tron and Monero addresses standing on their own. */
export const walletPattern =
  /(?<![A-Za-z0-9])(?:[bB][cC]1[a-zA-Z0-9]{20,90}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|4[0-9AB][1-9A-HJ-NP-Za-km-z]{93})(?![A-Za-z0-9])/g;

/** Words (letters and digits): each character is read once. */
export const wordPattern = /[\p{L}\p{N}]+/gu;

/** Top-level domains that are common words or file types are not taken for addresses unless written with a scheme, `www.` or a path. */
const commonTlds = new Set(
  'com net org info biz onion online site xyz top club app live shop store vip pro link click space website life world fun icu buzz agency work jobs dev page blog chat dating escort sex porn adult xxx love social media'.split(
    ' ',
  ),
);

/** Whether a found address is one: it has a scheme, `www.`, a path, or a country or common top-level domain. */
export function plausibleAddress(candidate: string): boolean {
  if (/^(?:https?:\/\/|www\.)/i.test(candidate)) return true;
  const slash = candidate.search(/[/?#]/);
  if (slash > 0) return true;
  const host = candidate.toLowerCase();
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return tld.length === 2 || commonTlds.has(tld);
}

/** An e-mail as it is logged: de-obfuscated, without spaces. */
export function emailValue(raw: string): string {
  return deobfuscateEmail(raw).replace(/\s+/g, '');
}

/** Spaces out the given stretches so later scanners do not read them again (offsets stay the same). */
export function masked(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), ' '.repeat(span.end - span.start));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Words that may stand between a service's name and the identifier ("Call or WhatsApp 06…", "My TikTok is @x"). */
const contextWindow = 40;

/**
 * The service named just before an identifier (within the three words before it, after the
 * previous identifier): "Telegram @x", "TG: x", "Call or WhatsApp 06…", "Viber: 050…", "телеграм @x".
 */
export function serviceBefore(text: string, start: number, floor: number): ServiceId | null {
  const window = text.slice(Math.max(floor, start - contextWindow), start);
  const lastLine = window.slice(window.lastIndexOf('\n') + 1);
  const words = lastLine.match(wordPattern) ?? [];
  for (let index = words.length - 1; index >= Math.max(0, words.length - 3); index -= 1) {
    const service = serviceOfWord(words[index] ?? '');
    if (service) return service;
  }
  return null;
}

/** The service named in brackets just after an identifier: "@katya (telegram)", "0612345678 [WhatsApp]". */
export function serviceAfter(text: string, end: number, ceiling: number): ServiceId | null {
  const window = text.slice(end, Math.min(ceiling, end + 30));
  const word = bracketedWordPattern.exec(window)?.[1];
  return word ? serviceOfWord(word) : null;
}

/** A word in brackets: "(telegram)", "[WA]". */
export const bracketedWordPattern = /^\s{0,2}[([]\s{0,2}([\p{L}.]{1,20})\s{0,2}[)\]]/u;

/** Aliases that are also everyday words: they name a service before `@x` or a number, never before a bare word. */
const everydayWords = new Set(['line', 'session', 'signal', 'face', 'x', 'threads', 'zap', 'tw', 'dc', 'tt', 'imo']);

/** A handle written without `@` after a service's name and a colon: "TG: katya_sweet99", "snap: lola.x". */
export interface WordedHandle extends Span {
  service: ServiceId;
  handle: string;
  /** From the service's name to the end of the handle (the span too). */
  raw: string;
}

/** What follows a service's name when a handle comes next: ": katya", " ID: katya", " - katya" (sticky: read in place, no copy). */
export const handleAfterName = /\s{0,3}(id\s{0,3})?[:=–—-]\s{0,3}([a-z0-9_][a-z0-9_.-]{1,63})(?![a-z0-9_@])/iy;

/** Finds "service: handle" in the text (a word scan and a bounded look after each service name). */
export function wordedHandles(text: string): WordedHandle[] {
  const found: WordedHandle[] = [];
  let taken = 0;
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    // the handle of "tg: snap" is not the name of another service
    if (word.length > 20 || match.index < taken) continue;
    const service = serviceOfWord(word);
    if (!service || !serviceOf(service).handle) continue;
    const from = match.index + word.length;
    handleAfterName.lastIndex = from;
    const after = handleAfterName.exec(text);
    // "Line: 3" or "Session - 1h" are not accounts; "Line ID: x" is
    if (!after || (everydayWords.has(word.toLowerCase()) && !after[1])) continue;
    const handle = after[2]?.replace(/[.-]+$/, '');
    if (!handle || !/[a-z]/i.test(handle)) continue;
    const end = from + after[0].length - (after[2]?.length ?? 0) + handle.length;
    found.push({ service, handle, start: match.index, end, raw: text.slice(match.index, end) });
    taken = end;
  }
  return found;
}
