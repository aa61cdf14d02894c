import { EventEmitter } from 'node:events';

/**
 * Domain events, published after their transaction committed. Names are `entity.verb`. Each module
 * declares its own events beside its code (in its `*.events.ts`), by merging into this interface:
 *
 *     declare module '../../events/bus.js' {
 *       interface DomainEvents { 'platform.claimed': PlatformChange }
 *     }
 *
 * so this file knows no module, and every publisher and subscriber is still typed.
 */
export interface DomainEvents {
  /** A marker no module publishes: keeps the interface non-empty before modules add theirs. */
  'bus.ready': Record<string, never>;
}

/** An event name and its payload, for code that handles every event alike. */
export type AnyDomainEvent = { [K in keyof DomainEvents]: { name: K; event: DomainEvents[K] } }[keyof DomainEvents];

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
  emitter.setMaxListeners(200);
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
