import { z } from 'zod';
import { serviceSpecs } from './services.list.js';

/**
 * The networks an account can live on. A handle is identified by its service, not by the site
 * where it was seen: "Telegram @x" quoted in an escort ad and t.me/x are one account.
 */
export const serviceIds = [
  'telegram',
  'whatsapp',
  'signal',
  'viber',
  'snapchat',
  'instagram',
  'tiktok',
  'facebook',
  'messenger',
  'x',
  'onlyfans',
  'fansly',
  'threema',
  'wechat',
  'line',
  'skype',
  'discord',
  'reddit',
  'vk',
  'kik',
  'wickr',
  'session',
  'youtube',
  'linkedin',
  'tinder',
  'badoo',
  'grindr',
  'zalo',
  'imo',
] as const;

/** A service id on the wire (`telegram`, `whatsapp`, …). */
export const serviceIdSchema = z.enum(serviceIds);
export type ServiceId = z.infer<typeof serviceIdSchema>;

/** How a service spells and compares its handles. */
export interface HandleRule {
  /** Tested on the folded handle; anchored, unambiguous and bounded, so it costs constant time per value. */
  pattern: RegExp;
  /** Said to the person whose handle does not fit. */
  hint: string;
  /** How the service compares handles: `lower` for case-insensitive networks, `upper` for Threema IDs. */
  fold: 'lower' | 'upper';
  /** Dots that the service ignores when comparing (Facebook: john.smith is johnsmith). */
  ignoreDots?: boolean;
  /** The handle may not begin or end with a dot (Instagram, TikTok). */
  noEdgeDots?: boolean;
}

/** Where a profile URL keeps the account: path segments, or a query parameter. */
export interface ProfileRule {
  /**
   * Path segments to match exactly: a literal, `*` for any segment, `:h` for the handle, `@:h`
   * or `~:h` for a handle written after `@`/`~`, `:phone` for a number in international digits.
   */
  path: readonly string[];
  /** Read the handle or phone from this query parameter instead of a `:h`/`:phone` segment. */
  param?: string;
  /** What the parameter holds. */
  reads?: 'handle' | 'phone';
}

/** One network: how people name it in ads, where its profiles live, and how its handles look. */
export interface ServiceSpec {
  id: ServiceId;
  name: string;
  /** Words used for it in ads and chats, lower-case, in any script ("tg", "telega", "телеграм"). */
  aliases: readonly string[];
  /** Its hosts without `www.`/`m.`/`mobile.`; subdomains of these belong to it too. */
  hosts: readonly string[];
  /** Its handles; `null` where an account is a phone number and nothing else (Viber). */
  handle: HandleRule | null;
  /** An account can be reached by its phone number (WhatsApp, Viber, Signal, Telegram). */
  phone: boolean;
  /** Its accounts are those of another service (Messenger uses Facebook accounts). */
  accountsOf?: ServiceId;
  /** Profile URL shapes, tried in order. */
  profiles: readonly ProfileRule[];
  /** First path segments that are pages of the site, not accounts (`instagram.com/explore`). */
  reserved?: readonly string[];
}

const byId = new Map<ServiceId, ServiceSpec>(serviceSpecs.map((spec) => [spec.id, spec]));
const byWord = new Map<string, ServiceId>();
for (const spec of serviceSpecs) {
  for (const word of [spec.id, spec.name.toLowerCase(), ...spec.aliases]) byWord.set(word, spec.id);
}
const byHost = new Map<string, ServiceId>();
for (const spec of serviceSpecs) for (const host of spec.hosts) byHost.set(host, spec.id);

/** Every known service, in the order of `serviceIds`. */
export const services: readonly ServiceSpec[] = serviceIds.map((id) => serviceOf(id));

/** The spec of a service. */
export function serviceOf(id: ServiceId): ServiceSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`No spec for service ${id}`);
  return spec;
}

/** Whether a string is a service id. */
export function isServiceId(value: string): value is ServiceId {
  return (serviceIds as readonly string[]).includes(value);
}

/** The service a word in an ad names ("tg", "Insta", "вайбер"), or null; case- and width-insensitive. */
export function serviceOfWord(word: string): ServiceId | null {
  if (word.length > 40) return null;
  const lower = word.toLowerCase();
  const found = byWord.get(lower);
  if (found || /^[\x20-\x7e]*$/.test(lower)) return found ?? null;
  // only words outside ASCII can differ in NFKC (full-width letters from a phone's keyboard)
  return byWord.get(lower.normalize('NFKC')) ?? null;
}

/** The service a host belongs to (`m.facebook.com`, `katya.t.me`, `wa.me`), or null. */
export function serviceOfHost(host: string): ServiceId | null {
  let rest = host.trim().toLowerCase().replace(/\.$/, '');
  // walk up the labels so subdomains (story.snapchat.com, de-de.facebook.com) find their service
  for (let guard = 0; guard < 10 && rest.includes('.'); guard += 1) {
    const found = byHost.get(rest);
    if (found) return found;
    rest = rest.slice(rest.indexOf('.') + 1);
  }
  return null;
}

/**
 * The service named by a platform's host, a service id, or an alias (a reference list's
 * `platform` column may say `t.me`, `telegram` or `instagram.com`), or null.
 */
export function resolveService(nameOrHost: string | null | undefined): ServiceId | null {
  if (!nameOrHost) return null;
  const trimmed = nameOrHost.trim();
  if (trimmed.length > 253) return null;
  const word = serviceOfWord(trimmed);
  if (word) return word;
  const host = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/, 1)[0] ?? '';
  return serviceOfHost(host);
}

/** The service whose identities a service's handles share (Messenger → Facebook). */
export function accountServiceOf(id: ServiceId): ServiceId {
  return serviceOf(id).accountsOf ?? id;
}
