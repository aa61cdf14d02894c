import type { Activity, Timeline } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { recentAuditEvents } from '../audit/index.js';
import { userNames } from '../auth/index.js';
import { loggedPerBucket } from '../findings/index.js';
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
  return rows.map((event): Activity => {
    const name = event.actorId ? names.get(event.actorId)?.name : undefined;
    const hidden = !!event.targetType && guarded.has(event.targetType);
    return {
      id: event.id,
      at: event.at.toISOString(),
      action: event.action,
      actor: name ? { name, country: (event.actorId && members.get(event.actorId)?.country) || '' } : null,
      targetType: event.targetType,
      targetId: hidden ? null : event.targetId,
      details: hidden ? {} : event.details,
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
