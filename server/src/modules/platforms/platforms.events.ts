import type { Participant, Platform, Role } from '@actionday/shared';
import { roles } from '@actionday/shared';
import { type Emit, emit, type Projections } from '../../events/delivery.js';
import { forObserver } from './platforms.dto.js';

/** A change of one platform's place in the funnel. */
export interface PlatformChange {
  operationId: string;
  platform: Platform;
  /** The participant holding the claim after the change, if any. */
  claimant: Participant | null;
  /** The membership that held the claim before a release or expiry. */
  previousHolderId: string | null;
}

declare module '../../events/bus.js' {
  interface DomainEvents {
    'platform.created': { operationId: string; platforms: Platform[] };
    'platform.claimed': PlatformChange;
    'platform.assigned': PlatformChange;
    'platform.released': PlatformChange;
    'platform.expired': PlatformChange;
    'platform.checked': PlatformChange;
    'platform.reopened': PlatformChange;
    /** The holder showed a sign of life: only the claim's last-activity time moved. */
    'platform.activity': { operationId: string; platformId: string; lastActivityAt: string };
  }
}

/** Observers get the funnel without who did what (see `forObserver`). */
const viewFor = (role: Role, change: PlatformChange) =>
  role === 'observer' ? { platform: forObserver(change.platform), claimant: null, previousHolderId: null } : change;

const perRole = (operationId: string, make: (role: Role) => Emit | null): Emit[] =>
  roles.map(make).filter((e): e is Emit => e !== null);

const withHolder = (verb: 'released' | 'expired' | 'assigned') => (change: PlatformChange) =>
  perRole(change.operationId, (role) => {
    const { platform, claimant, previousHolderId } = viewFor(role, change);
    return emit(
      `platform:${verb}`,
      { platform, claimant, previousHolderId },
      { operationId: change.operationId, role },
    );
  });

const plain = (verb: 'claimed' | 'checked' | 'reopened') => (change: PlatformChange) =>
  perRole(change.operationId, (role) => {
    const { platform, claimant } = viewFor(role, change);
    return emit(`platform:${verb}`, { platform, claimant }, { operationId: change.operationId, role });
  });

/** The board's changes, to every role of the operation; observers redacted. */
export const platformProjections: Projections = {
  'platform.created': ({ operationId, platforms }) =>
    perRole(operationId, (role) =>
      emit(
        'platform:created',
        { platforms: role === 'observer' ? platforms.map(forObserver) : platforms },
        { operationId, role },
      ),
    ),
  // "last activity" on the board and stale claims on the dashboard move live; observers do not see who works where
  'platform.activity': (event) =>
    perRole(event.operationId, (role) =>
      role === 'observer' ? null : emit('platform:activity', event, { operationId: event.operationId, role }),
    ),
  'platform.claimed': plain('claimed'),
  'platform.checked': plain('checked'),
  'platform.reopened': plain('reopened'),
  'platform.assigned': withHolder('assigned'),
  'platform.released': withHolder('released'),
  'platform.expired': withHolder('expired'),
};
