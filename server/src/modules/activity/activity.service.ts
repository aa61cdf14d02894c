import type { Activity, Timeline } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { recentAuditEvents } from '../audit/index.js';
import { userNames } from '../auth/index.js';
import { liveEvidence, visibleEvidence } from '../evidence/index.js';
import { findingRowsByIds, loggedPerBucket } from '../findings/index.js';
import { matchSeen } from '../matches/index.js';
import { sightOf } from '../sharing/index.js';
import { type Access, membershipsByUser } from '../operations/index.js';
import { checkedPerBucket } from '../platforms/index.js';

/**
 * Audit actions that are audited but are not activity: reads of records (every list, record, file, note,
 * chart and report opened) and sign-in events (refusals, sign-ins, second factors). The feed shows what
 * people did on the day, in sentences; the audit log keeps everything.
 */
const quiet = [
  'graph.read',
  'finding.list_read',
  'finding.read',
  'evidence.downloaded',
  'evidence.list_read',
  'note.opened',
  'audit.read',
  'audit.exported',
  'report.generated',
  'backup.created',
  'auth.refused',
  'auth.signed_in',
  'auth.signed_out',
  'auth.sign_in_failed',
  'auth.totp_enabled',
  'auth.totp_disabled',
];

/** Records whose identity is guarded (TLP:RED, victims): others learn who acted, not which record. */
const guardedTargets = new Set(['finding', 'evidence', 'match', 'reference_list', 'note']);

/**
 * Actions whose details count records as one country (or a coordinator) sees them: a country's package counts its
 * own TLP:RED findings. Others learn that it happened, not the numbers.
 */
const countingActions = new Set(['package.generated']);

/**
 * The records of some feed entries that the viewer may not know of (another country's TLP:RED finding, its
 * evidence, a match made of it): their entries are left out, since even "Noor logged a finding" tells that one
 * exists.
 */
async function unknownTargets(
  db: Db,
  access: Access,
  rows: { targetType: string | null; targetId: string | null }[],
): Promise<Set<string>> {
  const { viewer, operation } = access;
  const wanted = (type: string) =>
    rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId as string);
  const unknown = new Set<string>();
  for (const [id, row] of await findingRowsByIds(db, wanted('finding')))
    if (sightOf(row, viewer) === 'none') unknown.add(id);
  const evidenceIds = wanted('evidence');
  if (evidenceIds.length > 0) {
    const seen = new Set(
      (await visibleEvidence(db, await liveEvidence(db, operation.id), viewer)).map((row) => row.id),
    );
    for (const id of evidenceIds) if (!seen.has(id)) unknown.add(id);
  }
  for (const id of new Set(wanted('match'))) if (!(await matchSeen(db, viewer, id))) unknown.add(id);
  return unknown;
}

/** The activity feed, from the audit log (which never holds personal contents). */
export async function activityFeed(
  db: Db,
  access: Access,
  page: { limit: number; before?: number },
): Promise<Activity[]> {
  const { operation, membership } = access;
  const rows = await recentAuditEvents(db, operation.id, { ...page, excludeActions: quiet });
  const actorIds = rows.map((r) => r.actorId).filter((id): id is string => !!id);
  const [names, members] = await Promise.all([userNames(db, actorIds), membershipsByUser(db, operation.id, actorIds)]);
  const guarded = membership.role === 'coordinator' ? new Set<string>() : guardedTargets;
  const unknown = membership.role === 'coordinator' ? new Set<string>() : await unknownTargets(db, access, rows);
  return rows
    .filter((event) => !event.targetId || !unknown.has(event.targetId))
    .map((event): Activity => {
      const name = event.actorId ? names.get(event.actorId)?.name : undefined;
      const hidden = !!event.targetType && guarded.has(event.targetType);
      const uncounted = membership.role !== 'coordinator' && countingActions.has(event.action);
      return {
        id: event.id,
        at: event.at.toISOString(),
        action: event.action,
        actor: name ? { name, country: (event.actorId && members.get(event.actorId)?.country) || '' } : null,
        targetType: event.targetType,
        targetId: hidden ? null : event.targetId,
        details: hidden || uncounted ? {} : event.details,
      };
    });
}

/** Platforms checked and findings logged per bucket of the day. */
export async function timeline(db: Db, operationId: string, origin: Date, bucketMinutes: number): Promise<Timeline> {
  const [checked, logged] = await Promise.all([
    checkedPerBucket(db, operationId, origin, bucketMinutes),
    loggedPerBucket(db, operationId, origin, bucketMinutes),
  ]);
  const starts = [...new Set([...checked.keys(), ...logged.keys()])].sort();
  return {
    bucketMinutes,
    buckets: starts.map((start) => ({ start, checked: checked.get(start) ?? 0, findings: logged.get(start) ?? 0 })),
  };
}
