import { type SQL, sql } from 'drizzle-orm';
import type { CatalogTable } from './backup.catalog.js';

/** What a backup holds: everything, or one operation with the accounts of the people in it. */
export type BackupScope = { kind: 'all' } | { kind: 'operation'; operationId: string };

/**
 * Tables a backup leaves out, and why. Sessions are sign-ins to this server (a restored server signs people in
 * again); idempotency keys are answers kept for a day so retries do nothing twice, meaningless on another server.
 */
export const leftOut: Record<string, string> = {
  sessions: 'sign-ins to this server: people sign in again on the restored one',
  idempotency_keys: 'kept answers to retried requests, for a day, on this server only',
};

/**
 * Which rows of a table belong to one operation. A table with an `operation_id` column needs no entry; these are
 * the others. A table the backup cannot place stops the backup (a new table must be placed here, not dropped).
 */
const operationRows: Record<string, (operation: string) => SQL> = {
  operations: (op) => sql`id = ${op}::uuid`,
  // the people of the operation: its members, who created it, who invited and who accepted
  users: (op) => sql`id in (
    select user_id from memberships where operation_id = ${op}::uuid
    union select created_by from operations where id = ${op}::uuid
    union select created_by from invites where operation_id = ${op}::uuid
    union select used_by from invites where operation_id = ${op}::uuid and used_by is not null)`,
  disclosures: (op) => sql`match_id in (select id from matches where operation_id = ${op}::uuid)`,
  // an operation's audit trail is its own chain (docs/architecture.md, "Audit trail")
  audit_events: (op) => sql`chain = ${op}::text`,
  audit_nodes: (op) => sql`chain = ${op}::text`,
  audit_heads: (op) => sql`chain = ${op}::text`,
};

/** The tables a backup of this scope copies, parents first. */
export function tablesIn(catalog: CatalogTable[]): CatalogTable[] {
  return catalog.filter((table) => !(table.name in leftOut));
}

/** The condition that picks a table's rows for the scope (`true` for everything). */
export function rowsInScope(table: CatalogTable, scope: BackupScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const special = operationRows[table.name];
  if (special) return special(scope.operationId);
  if (table.columns.includes('operation_id')) return sql`operation_id = ${scope.operationId}::uuid`;
  throw new Error(
    `the backup does not know which rows of table "${table.name}" belong to an operation (server/src/backup/backup.scope.ts)`,
  );
}
