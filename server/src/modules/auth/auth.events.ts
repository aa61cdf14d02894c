import type { Projections } from '../../events/delivery.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** A session was ended by signing out: its sockets close too. */
    'session.ended': { userId: string; sessionHash: string };
  }
}

/** Signing out closes that session's sockets, on every namespace and process. */
export const authProjections: Projections = {
  'session.ended': ({ userId, sessionHash }) => [{ kind: 'disconnect', userId, sessionHash }],
};
