import type { SQL } from 'drizzle-orm';

/**
 * A kind of record that key figures can count, described by the module that owns its table: where the
 * records live, which of them count for an operation, and the columns a figure may filter on. The tallies
 * module counts with these, so it never names another module's table itself.
 */
export interface CountSource {
  from: SQL;
  where: (operationId: string) => SQL;
  /** Filter field (as in `figureFields`) → column name. */
  columns: Record<string, string>;
}
