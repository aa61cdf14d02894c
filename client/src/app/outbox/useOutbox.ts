import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useMe } from '../session';
import { useConnectionState } from '../socket/SocketProvider';
import { flushOutbox, onOutboxSent, outboxEntries, setOutboxUser, subscribeOutbox } from './outbox';
import type { OutboxEntry, OutboxKind } from './outbox.types';

/** The signed-in account's outbox, oldest first: pending entries and refused ones kept for the person. */
export function useOutboxEntries(): readonly OutboxEntry[] {
  return useSyncExternalStore(subscribeOutbox, outboxEntries, outboxEntries);
}

/**
 * Runs the outbox for the signed-in account (once, in the app's shell): loads what this device kept,
 * and sends it when the browser comes back online and whenever the live connection (re)connects.
 */
export function useOutboxSender(): void {
  const me = useMe();
  const userId = me.data?.user.id ?? null;
  const { state } = useConnectionState();
  useEffect(() => {
    void setOutboxUser(userId);
  }, [userId]);
  useEffect(() => {
    if (state === 'connected') void flushOutbox();
  }, [state]);
  useEffect(() => {
    const onOnline = () => void flushOutbox();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
}

/** While mounted, `handler` receives the answer of every entry of `kind` sent after its form was gone. */
export function useOutboxSent(kind: OutboxKind, handler: (answer: unknown, entry: OutboxEntry) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => onOutboxSent(kind, (answer, entry) => latest.current(answer, entry)), [kind]);
}
