import type { Announcement, Presence, PresenceCounts } from './announcements.js';
import type { Capture } from './captures.js';
import type { ErrorBody } from './errors.js';
import type { FindingView } from './findings.js';
import type { LiaisonRequest } from './liaison.js';
import type { Match } from './matches.js';
import type { Tally } from './figures.js';
import type { Operation } from './operations.js';
import type { Participant } from './operations.js';
import type { Platform } from './platforms.js';

/** The answer of every acknowledged client event. */
export type Ack<T = undefined> = (answer: { ok: true; data: T } | ({ ok: false } & ErrorBody)) => void;

/** Every platform change carries the whole platform and the participant now holding it, if any. */
export interface PlatformChangedEvent {
  platform: Platform;
  claimant: Participant | null;
}

/** A claim went back to the pool; `previousHolderId` is the membership that held it. */
export interface PlatformReleasedEvent extends PlatformChangedEvent {
  previousHolderId: string | null;
}

/** Events the server emits; names are `entity:verb`, as the domain events. */
export interface ServerToClientEvents {
  'platform:created': (payload: { platforms: Platform[] }) => void;
  'platform:claimed': (payload: PlatformChangedEvent) => void;
  'platform:assigned': (payload: PlatformReleasedEvent) => void;
  'platform:released': (payload: PlatformReleasedEvent) => void;
  'platform:expired': (payload: PlatformReleasedEvent) => void;
  'platform:checked': (payload: PlatformChangedEvent) => void;
  'platform:reopened': (payload: PlatformChangedEvent) => void;
  /** The holder showed a sign of life (heartbeat): only the claim's last-activity time moved. */
  'platform:activity': (payload: { operationId: string; platformId: string; lastActivityAt: string }) => void;
  /** Findings arrive as each viewer may see them (full, redacted, or not at all). */
  'finding:logged': (payload: { finding: FindingView }) => void;
  'finding:updated': (payload: { finding: FindingView }) => void;
  'finding:deleted': (payload: {
    id: string;
    operationId: string;
    platformId: string;
    kind: FindingView['kind'];
  }) => void;
  /** New evidence, to those who may see it (coordinators and the capturing country for TLP:RED). */
  'evidence:uploaded': (payload: { operationId: string; platformId: string; evidenceId: string }) => void;
  /** A server-side capture's progress, to those who may see its evidence. */
  'capture:queued': (payload: { capture: Capture }) => void;
  'capture:started': (payload: { capture: Capture }) => void;
  'capture:done': (payload: { capture: Capture }) => void;
  'capture:failed': (payload: { capture: Capture }) => void;
  /**
   * Matches go to coordinators, analysts and the participants whose sightings they hold, each with their view:
   * a new one (`found`), a new or withdrawn sighting (`updated`), a resolution or disclosure (`resolved`).
   * `match:withdrawn` tells a viewer a match they knew of no longer exists for them.
   */
  'match:found': (payload: { match: Match }) => void;
  'match:updated': (payload: { match: Match }) => void;
  'match:resolved': (payload: { match: Match }) => void;
  'match:withdrawn': (payload: { operationId: string; matchId: string }) => void;
  /** A request to a platform was made or changed state (to those who may read requests). */
  'request:updated': (payload: { request: LiaisonRequest }) => void;
  /** Fresh figures after a change (coalesced); `seq` rises by one with each. */
  'tally:updated': (payload: Tally) => void;
  /** The operation's settings or phase changed. */
  'operation:updated': (payload: { operation: Operation }) => void;
  /**
   * A participant lost access to the operation (to everyone but observers, and to the person: their screens of this
   * operation close; their other operations stay open).
   */
  'participant:revoked': (payload: { operationId: string; participantId: string }) => void;
  /** An administrator undid a revocation: the person is a participant again. */
  'participant:reinstated': (payload: { operationId: string; participant: Participant }) => void;
  'announcement:created': (payload: { announcement: Announcement }) => void;
  /** Who is online and on which platform; observers get counts per country instead. */
  'presence:updated': (payload: Presence) => void;
  'presence:counts': (payload: PresenceCounts) => void;
}

/** Events a client sends. */
export interface ClientToServerEvents {
  'operation:join': (payload: { operationId: string }, ack: Ack<{ participants: Participant[] }>) => void;
  'operation:leave': (payload: { operationId: string }, ack: Ack) => void;
  /** The platform this client is looking at (null: none), for "who is on which platform". */
  'presence:viewing': (payload: { operationId: string; platformId: string | null }) => void;
}
