import type { ErrorCode } from './errors.js';
import type { Participant } from './operations.js';
import type { Platform } from './platforms.js';

/** The answer of every acknowledged client event. */
export type Ack<T = undefined> = (
  answer: { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } },
) => void;

export interface PlatformClaimedEvent {
  platform: Platform;
  claimant: Participant | null;
}

/** Events the server emits; names are `entity:verb`, as the domain events. */
export interface ServerToClientEvents {
  'platform:created': (payload: { platforms: Platform[] }) => void;
  'platform:claimed': (payload: PlatformClaimedEvent) => void;
}

/** Events a client sends. */
export interface ClientToServerEvents {
  'operation:join': (payload: { operationId: string }, ack: Ack<{ participants: Participant[] }>) => void;
  'operation:leave': (payload: { operationId: string }, ack: Ack) => void;
}
