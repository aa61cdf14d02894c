import { EventEmitter } from 'node:events';
import type { Participant, Platform } from '@actionday/shared';

/** Domain events, emitted after their transaction committed. Names are `entity.verb`. */
export interface DomainEvents {
  'platform.created': { operationId: string; platforms: Platform[] };
  'platform.claimed': { operationId: string; platform: Platform; claimant: Participant | null };
}

/**
 * The in-process bus. Kept behind this small interface so that a
 * cross-process transport can replace it when several servers run.
 */
export interface EventBus {
  publish<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): void;
  subscribe<K extends keyof DomainEvents>(name: K, handler: (event: DomainEvents[K]) => void): () => void;
}

/** A bus that delivers to subscribers of this process only. */
export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    publish(name, event) {
      emitter.emit(name, event);
    },
    subscribe(name, handler) {
      const listener = handler as (event: unknown) => void;
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
  };
}
