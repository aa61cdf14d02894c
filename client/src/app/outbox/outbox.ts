import { api } from '../api';
import { ApiError } from '../errors';
import { newIdempotencyKey } from '../idempotency';
import { addEntry, deleteEntry, entriesOf, putEntry } from './outbox.db';
import type { OutboxEntry, OutboxKind, OutboxWrite } from './outbox.types';

/** What `sendThroughOutbox` answers when the write is kept on this device to be sent later. */
export class Queued {
  constructor(readonly entry: OutboxEntry) {}
}

/** How long the person waits for an answer before the write is shown as pending instead. */
export const ANSWER_WAIT_MS = 8_000;
/** One attempt is given up (and tried again later) after this long without an answer. */
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

type Outcome =
  | { state: 'sent'; answer: unknown }
  | { state: 'queued'; entry: OutboxEntry }
  | { state: 'refused'; error: ApiError };

let userId: string | null = null;
let entries: readonly OutboxEntry[] = [];
const listeners = new Set<() => void>();
const sentHandlers = new Map<OutboxKind, Set<(answer: unknown, entry: OutboxEntry) => void>>();
/** Writes whose author is still looking at the form: a refusal goes back to the form, not to the outbox. */
const waiters = new Map<number, (outcome: Outcome) => void>();
let retryTimer: ReturnType<typeof setTimeout> | null = null;

let stored: readonly OutboxEntry[] = [];
/** Shown: what is stored, less the writes whose form still waits for their first answer (it shows them). */
const publish = (next: readonly OutboxEntry[] = stored) => {
  stored = next;
  entries = next.filter((entry) => !waiters.has(entry.seq));
  for (const listener of listeners) listener();
};

async function reload(): Promise<void> {
  const owner = userId;
  const next = owner ? await entriesOf(owner).catch(() => []) : [];
  if (owner === userId) publish(next);
}

/** Other tabs of the app on this device: told when the store changed, so their "n pending" stays true. */
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('actionday-outbox');
if (tabs) tabs.onmessage = () => void reload();
const changed = () => tabs?.postMessage('changed');

/** The signed-in account's entries, oldest first (for `useSyncExternalStore`). */
export const outboxEntries = (): readonly OutboxEntry[] => entries;

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whose outbox is shown and sent (null when nobody is signed in); sends what an earlier page left. */
export async function setOutboxUser(next: string | null): Promise<void> {
  if (next === userId) return;
  userId = next;
  await reload();
  await flushOutbox();
}

/** Called with the server's answer when an entry of a kind is sent later (the form is gone by then). */
export function onOutboxSent(kind: OutboxKind, handler: (answer: unknown, entry: OutboxEntry) => void): () => void {
  const handlers = sentHandlers.get(kind) ?? new Set();
  handlers.add(handler);
  sentHandlers.set(kind, handlers);
  return () => handlers.delete(handler);
}

/** Takes an entry out of what is shown at once (it is gone from the store): no flash of it as pending. */
const forget = (seq: number) => publish(stored.filter((entry) => entry.seq !== seq));

/** Shows an entry as it now is in the store (a refusal, one more attempt) at once. */
const replace = (changed: OutboxEntry) => publish(stored.map((entry) => (entry.seq === changed.seq ? changed : entry)));

const settle = (seq: number, outcome: Outcome) => {
  const waiter = waiters.get(seq);
  if (!waiter) return;
  waiters.delete(seq);
  waiter(outcome);
  publish();
};

/**
 * A write that must not be lost: kept in IndexedDB with its Idempotency-Key first, then sent after every
 * entry before it. Answers the server's answer; a refusal (4xx) throws it, for the form to show; when no
 * answer comes in time (offline, server gone, 5xx) answers `Queued`: the entry stays, shown as pending, and
 * is sent again on reconnect and with backoff. Without IndexedDB (some private windows) it is a plain write.
 */
export async function sendThroughOutbox<T>(write: OutboxWrite): Promise<T | Queued> {
  const owner = userId;
  const plain = () => api<T>(write.path, { method: write.method, body: write.body });
  if (!owner) return plain();
  let entry: OutboxEntry;
  try {
    entry = await addEntry({
      userId: owner,
      idempotencyKey: newIdempotencyKey(),
      kind: write.kind,
      method: write.method,
      path: write.path,
      body: write.body,
      operationId: write.operationId,
      platformId: write.platformId ?? null,
      createdAt: new Date().toISOString(),
      attempts: 0,
      refusal: null,
    });
  } catch {
    return plain();
  }
  changed();
  const made = entry;
  const outcome = new Promise<Outcome>((resolve) => {
    const timer = setTimeout(() => settle(made.seq, { state: 'queued', entry: made }), ANSWER_WAIT_MS);
    waiters.set(made.seq, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
  await reload();
  void flushOutbox();
  const result = await outcome;
  if (result.state === 'sent') return result.answer as T;
  if (result.state === 'refused') throw result.error;
  return new Queued(result.entry);
}

/** A person discards a refused (or pending) entry by hand, after copying what they need from it. */
export async function discardEntry(seq: number): Promise<void> {
  await deleteEntry(seq);
  await reload();
  changed();
}

/** A refusal that sending again will not change (4xx); unanswered, busy, signed out or 5xx are tried again. */
const isRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 408 &&
  error.status !== 429 &&
  error.code !== 'request.already_applied' &&
  error.code !== 'auth.unauthenticated';

const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1)) * (0.75 + Math.random() * 0.5);

/** Sends one entry; answers whether the queue may go on to the next one. */
async function attempt(entry: OutboxEntry): Promise<boolean> {
  try {
    const answer = await api<unknown>(entry.path, {
      method: entry.method,
      body: entry.body ?? undefined,
      idempotencyKey: entry.idempotencyKey,
      retryDelays: [],
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await deleteEntry(entry.seq);
    forget(entry.seq);
    for (const handler of sentHandlers.get(entry.kind) ?? []) handler(answer, entry);
    settle(entry.seq, { state: 'sent', answer });
    return true;
  } catch (error) {
    if (isRefusal(error)) {
      if (waiters.has(entry.seq)) {
        // its author is still on the form, which shows the refusal with everything they typed
        await deleteEntry(entry.seq);
        forget(entry.seq);
        settle(entry.seq, { state: 'refused', error });
      } else {
        const refusal = {
          status: error.status,
          code: error.code,
          message: error.message,
          at: new Date().toISOString(),
        };
        const refused = { ...entry, refusal };
        await putEntry(refused);
        replace(refused);
      }
      return true;
    }
    const kept = { ...entry, attempts: entry.attempts + 1 };
    await putEntry(kept);
    replace(kept);
    settle(entry.seq, { state: 'queued', entry: kept });
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flushOutbox(), backoffMs(kept.attempts));
    return false;
  }
}

async function drain(): Promise<void> {
  const owner = userId;
  if (!owner) return;
  const queue = (await entriesOf(owner)).filter((entry) => !entry.refusal);
  for (const [index, entry] of queue.entries()) {
    const tried = navigator.onLine && owner === userId;
    const goOn = tried && (await attempt(entry));
    await reload();
    if (tried) changed();
    if (!goOn) {
      // what stays queued behind the first unanswered entry is pending for its author too
      for (const later of queue.slice(index)) settle(later.seq, { state: 'queued', entry: later });
      return;
    }
  }
}

let flushing: Promise<void> | null = null;
let again = false;

/**
 * Sends the queue in order, one at a time; stops at the first entry that gets no answer (the rest wait
 * behind it, so the server sees them in the order they were made). One tab at a time sends (a Web Lock,
 * where the browser has one); another tab sending the same entry is harmless: the key makes it once.
 */
export function flushOutbox(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const once = () =>
    'locks' in navigator && navigator.locks ? navigator.locks.request('actionday-outbox', drain) : drain();
  flushing = (async () => {
    do {
      again = false;
      await once().catch(() => {});
    } while (again);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
