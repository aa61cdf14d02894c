import { EventEmitter } from 'node:events';
import type { Handling, Participant, Platform } from '@actionday/shared';
import type { FindingRow } from '../modules/findings/findings.dto.js';
import type { HitRow } from '../modules/hits/hits.detect.js';
import type { LinkedFinding } from '../modules/evidence/evidence.service.js';

/** A change of one platform's place in the funnel. */
export interface PlatformChange {
  operationId: string;
  platform: Platform;
  /** The participant holding the claim after the change, if any. */
  claimant: Participant | null;
  /** The membership that held the claim before a release or expiry. */
  previousHolderId: string | null;
}

/** Domain events, emitted after their transaction committed. Names are `entity.verb`. */
export interface DomainEvents {
  'platform.created': { operationId: string; platforms: Platform[] };
  'platform.claimed': PlatformChange;
  'platform.assigned': PlatformChange;
  'platform.released': PlatformChange;
  'platform.expired': PlatformChange;
  'platform.checked': PlatformChange;
  'platform.reopened': PlatformChange;
  'platform.activity': { operationId: string; platformId: string; lastActivityAt: string };
  'finding.logged': { operationId: string; finding: FindingRow };
  'finding.updated': { operationId: string; finding: FindingRow; previous: FindingRow };
  'finding.deleted': { operationId: string; finding: FindingRow };
  'hit.found': { operationId: string; hit: HitRow };
  'hit.resolved': { operationId: string; hit: HitRow };
  'evidence.uploaded': {
    operationId: string;
    evidenceId: string;
    platformId: string;
    country: string;
    handling: Handling;
    capturedBy: string;
    linked: LinkedFinding | null;
  };
  /** A session was ended by signing out: its sockets close too. */
  'session.ended': { userId: string; sessionHash: string };
  /** Settings, phase or membership of an operation changed. */
  'operation.changed': { operationId: string };
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
