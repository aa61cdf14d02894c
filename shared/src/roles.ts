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
  | 'platform.import';

/**
 * The role × action table, written once. The server enforces it on every
 * route and socket event; the client reads it only to hide what would fail.
 */
export const permissions: Record<Action, readonly Role[]> = {
  'operation.read': roles,
  'operation.manage': ['coordinator'],
  'invite.create': ['coordinator'],
  'platform.read': roles,
  'platform.create': ['coordinator'],
  'platform.create_discovered': ['coordinator', 'investigator'],
  'platform.claim': ['coordinator', 'investigator'],
  /** Release or assign any claim, give a verdict on a platform someone else holds. */
  'platform.manage_claims': ['coordinator'],
  'platform.reopen': ['coordinator'],
  'platform.import': ['coordinator'],
};

/** Whether a role may perform an action. */
export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && permissions[action].includes(role);
}
