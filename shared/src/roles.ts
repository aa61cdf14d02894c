import { z } from 'zod';

/** Roles a person can hold in one operation (see the brief: who uses it). */
export const roles = ['coordinator', 'investigator', 'analyst', 'observer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Actions that the permission table decides on. */
export type Action =
  | 'operation.read'
  | 'operation.manage'
  | 'invite.create'
  | 'platform.read'
  | 'platform.create'
  | 'platform.create_discovered'
  | 'platform.claim'
  | 'platform.manage_claims'
  | 'platform.reopen'
  | 'platform.import'
  | 'finding.read'
  | 'finding.create'
  | 'finding.manage'
  | 'evidence.read'
  | 'evidence.create'
  | 'capture.create'
  | 'match.read_all'
  | 'match.resolve'
  | 'reference.import'
  | 'note.read'
  | 'note.edit'
  | 'announcement.create'
  | 'activity.read'
  | 'audit.read'
  | 'member.revoke'
  | 'request.read'
  | 'request.create'
  | 'request.manage'
  | 'report.read'
  | 'report.packages';

/**
 * The role × action table, written once. The server enforces it on every
 * route and socket event; the client reads it only to hide what would fail.
 */
export const permissions: Record<Action, readonly Role[]> = {
  'operation.read': roles,
  'operation.manage': ['coordinator'],
  'invite.create': ['coordinator'],
  /** The board's platforms by name. Observers get counts by category and verdict instead (names are targets). */
  'platform.read': ['coordinator', 'investigator', 'analyst'],
  'platform.create': ['coordinator'],
  'platform.create_discovered': ['coordinator', 'investigator'],
  'platform.claim': ['coordinator', 'investigator'],
  /** Release or assign any claim, give a verdict on a platform someone else holds. */
  'platform.manage_claims': ['coordinator'],
  'platform.reopen': ['coordinator'],
  'platform.import': ['coordinator'],
  /** See finding records (subject to handling codes and victim protection). Observers see counts only. */
  'finding.read': ['coordinator', 'investigator', 'analyst'],
  'finding.create': ['coordinator', 'investigator'],
  /** Edit or delete findings of others. */
  'finding.manage': ['coordinator'],
  'evidence.read': ['coordinator', 'investigator', 'analyst'],
  'evidence.create': ['coordinator', 'investigator'],
  /** Ask the server to capture a page (the analyst too: a page seen while cross-checking). */
  'capture.create': ['coordinator', 'investigator', 'analyst'],
  /** See every match of the operation, not only those one's own findings are part of. */
  'match.read_all': ['coordinator', 'analyst'],
  'match.resolve': ['coordinator', 'analyst'],
  'reference.import': ['coordinator', 'analyst'],
  /** Open the situation log and platform notes; observers never (notes may hold personal data). */
  'note.read': ['coordinator', 'investigator', 'analyst'],
  'note.edit': ['coordinator', 'investigator', 'analyst'],
  'announcement.create': ['coordinator'],
  /** The activity feed and who is where: not for observers (activity details). */
  'activity.read': ['coordinator', 'investigator', 'analyst'],
  /** Read, export and verify the operation's audit trail. */
  'audit.read': ['coordinator'],
  'member.revoke': ['coordinator'],
  /** Requests to platforms (takedown, preservation, information): records of the day, not for observers. */
  'request.read': ['coordinator', 'investigator', 'analyst'],
  'request.create': ['coordinator', 'investigator'],
  /** Change requests others made. */
  'request.manage': ['coordinator'],
  /** The after-action report; observers get the aggregate-only (public) version. */
  'report.read': ['coordinator', 'analyst', 'observer'],
  /** Per-country follow-up packages (records under the handling codes). */
  'report.packages': ['coordinator'],
};

/**
 * Who is looking at a record: their role, country and membership in the operation. A viewer that stands
 * for a whole audience (everyone of a role in a country, in live events) has no `memberId`; `country`
 * null stands for "any country other than the record's".
 */
export interface Viewer {
  role: Role;
  country: string | null;
  memberId: string | null;
}

/** Whether a role may perform an action. */
export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && permissions[action].includes(role);
}
