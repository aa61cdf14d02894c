import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.js';

/** One table of the database as the backup sees it: read from the catalog, so a new table is never missed. */
export interface CatalogTable {
  name: string;
  /** Columns in their table order, generated ones left out (the database computes them). */
  columns: string[];
  /** The primary key's columns: the order rows are written in, so two backups of one state are alike. */
  primaryKey: string[];
  /** Tables this one references with a foreign key (itself excluded). */
  references: string[];
  /** Whether it has triggers of its own (the key-figure capture, the claim limit): off while rows are restored. */
  hasTriggers: boolean;
  /** Columns filled from a sequence (`bigserial`), whose sequence must continue after the restored rows. */
  serialColumns: string[];
}

/** Every table of the `public` schema, parents before children (the order in which rows can be inserted). */
export async function readCatalog(db: Db): Promise<CatalogTable[]> {
  const columns = rowsOf<{ table_name: string; column_name: string; serial: boolean }>(
    await db.execute(sql`
      select c.table_name, c.column_name, coalesce(c.column_default like 'nextval(%', false) as serial
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
      order by c.table_name, c.ordinal_position`),
  );
  const keys = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select cl.relname as table_name, a.attname as column_name
      from pg_constraint k
      join pg_class cl on cl.oid = k.conrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
      cross join lateral unnest(k.conkey) with ordinality as u(attnum, ord)
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
      where k.contype = 'p'
      order by cl.relname, u.ord`),
  );
  const foreign = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select distinct c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where k.contype = 'f' and c.oid <> p.oid`),
  );
  const triggers = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      select distinct c.relname as table_name
      from pg_trigger g
      join pg_class c on c.oid = g.tgrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where not g.tgisinternal`),
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const table = tables.get(row.table_name) ?? {
      name: row.table_name,
      columns: [],
      primaryKey: [],
      references: [],
      hasTriggers: false,
      serialColumns: [],
    };
    table.columns.push(row.column_name);
    if (row.serial) table.serialColumns.push(row.column_name);
    tables.set(row.table_name, table);
  }
  for (const row of keys) tables.get(row.table_name)?.primaryKey.push(row.column_name);
  for (const row of foreign) tables.get(row.child)?.references.push(row.parent);
  for (const row of triggers) {
    const table = tables.get(row.table_name);
    if (table) table.hasTriggers = true;
  }
  return parentsFirst([...tables.values()]);
}

/** Orders tables so every table comes after those it references; a cycle (none today) is an error. */
function parentsFirst(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: CatalogTable[] = [];
  const visit = (table: CatalogTable) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name))
      throw new Error(`tables reference each other in a cycle through ${table.name}: no insert order`);
    visiting.add(table.name);
    for (const parent of [...table.references].sort()) {
      const ref = byName.get(parent);
      if (ref) visit(ref);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}

/** The migrations the database recorded (drizzle's journal timestamps), oldest first. */
export async function appliedMigrations(db: Db): Promise<number[]> {
  const [exists] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!exists?.present) return [];
  return rowsOf<{ when: string | number }>(
    await db.execute(sql`select created_at as when from drizzle.__drizzle_migrations order by created_at`),
  ).map((r) => Number(r.when));
}
