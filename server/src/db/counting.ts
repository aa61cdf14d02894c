import { type SQL, sql } from 'drizzle-orm';

/**
 * How a count reads a column: from the records themselves, or from the recorded changes of those records
 * (`tally_deltas.fields`, a JSON copy of the countable columns made by a trigger in the same transaction).
 * One definition of a figure's rows serves both, so the running figures and a full recount cannot disagree.
 */
export interface Accessor {
  text(column: string): SQL;
  bool(column: string): SQL;
  int(column: string): SQL;
  /** Whether an array column holds any of the values. */
  overlaps(column: string, values: readonly string[]): SQL;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Columns of the records' own table. */
export const recordColumns: Accessor = {
  text: (column) => sql`${sql.identifier(column)}`,
  bool: (column) => sql`${sql.identifier(column)}`,
  int: (column) => sql`${sql.identifier(column)}`,
  overlaps: (column, values) => sql`${sql.identifier(column)} && array[${list(values)}]::text[]`,
};

/** Fields of a recorded change. */
export const deltaFields: Accessor = {
  text: (column) => sql`(fields->>${column})`,
  bool: (column) => sql`(fields->>${column})::boolean`,
  int: (column) => sql`(fields->>${column})::int`,
  overlaps: (column, values) => sql`(fields->${column}) ?| array[${list(values)}]::text[]`,
};

/**
 * A kind of record that key figures can count, described by the module that owns its table: the table, which
 * of its rows count, and the columns a figure may filter on. The tallies module counts with these, so it never
 * names another module's table itself.
 */
export interface CountSource {
  table: string;
  where: (col: Accessor) => SQL;
  /** Filter field (as in `figureFields`) → column name. */
  columns: Record<string, string>;
}
