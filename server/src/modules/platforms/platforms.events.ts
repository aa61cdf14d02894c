import type { Participant, Platform, Role } from '@actionday/shared';
import { can, roles } from '@actionday/shared';
import { type Emit, emit, type Projections } from '../../events/delivery.js';

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

/**
 * The board's roles: observers get no platform event (the names, URLs and verdicts of the board are targets of
 * ongoing investigations); they follow the board through the tallies and the platforms' summary.
 */
const boardRoles = roles.filter((role) => can(role, 'platform.read'));

const perRole = (_operationId: string, make: (role: Role) => Emit | null): Emit[] =>
  boardRoles.map(make).filter((e): e is Emit => e !== null);

const withHolder = (verb: 'released' | 'expired' | 'assigned') => (change: PlatformChange) =>
  perRole(change.operationId, (role) => {
    const { platform, claimant, previousHolderId } = change;
    return emit(
      `platform:${verb}`,
      { platform, claimant, previousHolderId },
      { operationId: change.operationId, role },
    );
  });

const plain = (verb: 'claimed' | 'checked' | 'reopened') => (change: PlatformChange) =>
  perRole(change.operationId, (role) => {
    const { platform, claimant } = change;
    return emit(`platform:${verb}`, { platform, claimant }, { operationId: change.operationId, role });
  });

/** The board's changes, to every role of the operation that sees the board. */
export const platformProjections: Projections = {
  'platform.created': ({ operationId, platforms }) =>
    perRole(operationId, (role) => emit('platform:created', { platforms }, { operationId, role })),
  // "last activity" on the board and stale claims on the dashboard move live; observers do not see who works where
  'platform.activity': (event) =>
    perRole(event.operationId, (role) => emit('platform:activity', event, { operationId: event.operationId, role })),
  'platform.claimed': plain('claimed'),
  'platform.checked': plain('checked'),
  'platform.reopened': plain('reopened'),
  'platform.assigned': withHolder('assigned'),
  'platform.released': withHolder('released'),
  'platform.expired': withHolder('expired'),
};
