type Listener = (chain: string) => void;

const listeners = new Set<Listener>();

/**
 * Tells the sequencers of this process that a chain has a new entry. It fires
 * before the writer's commit, so a sequencer waits a moment before it looks;
 * whatever it misses (a slow commit, another process) its periodic sweep finds.
 */
export function auditAppended(chain: string): void {
  for (const listener of listeners) listener(chain);
}

/** Subscribes to appends in this process; returns the unsubscribe. */
export function onAuditAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
