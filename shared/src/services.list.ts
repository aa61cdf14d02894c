import type { ServiceSpec } from './services.js';
import { messengerSpecs } from './services.messengers.js';
import { networkSpecs } from './services.networks.js';

// The networks that trafficking and smuggling cases move victims and clients to (Telegram,
// WhatsApp, Viber, Snapchat, Instagram, TikTok, Facebook in the seeds; Signal, Threema, Session,
// Wickr and Kik for hiding; OnlyFans and Fansly for selling; LINE, WeChat and Zalo for Asian
// networks; imo for West Africa and the Middle East; dating apps for recruitment). Handle rules
// follow each network's published rules; where a network does not publish them the rule is lenient
// (letters, digits, `.`, `_`, `-`) so a real handle is never refused. Keep aliases lower-case.

/** The maintained list; `services.ts` indexes it. Add a network in one of its two files, with a test in services.test.ts. */
export const serviceSpecs: readonly ServiceSpec[] = [...messengerSpecs, ...networkSpecs];
