import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../test/test-database.js';
import { type CatalogTable, readCatalog } from './backup.catalog.js';
import { leftOut, rowsInScope, tablesIn } from './backup.scope.js';

describe('what a backup holds', () => {
  let database: Database;
  let catalog: CatalogTable[];
  beforeAll(async () => {
    database = await openTestDatabase();
    catalog = await readCatalog(database.db);
  });
  afterAll(() => database.close());

  it('every table is copied or left out for a stated reason, and each knows its rows of one operation', () => {
    const copied = tablesIn(catalog).map((t) => t.name);
    expect(copied).toEqual(expect.arrayContaining(['users', 'operations', 'findings', 'evidence', 'notes']));
    expect([...copied, ...Object.keys(leftOut)].sort()).toEqual(catalog.map((t) => t.name).sort());
    // a new table without `operation_id` must be placed in backup.scope.ts, or the backup of an operation fails
    for (const table of tablesIn(catalog))
      expect(() =>
        rowsInScope(table, { kind: 'operation', operationId: '00000000-0000-4000-8000-000000000000' }),
      ).not.toThrow();
  });

  it('tables come parents first, so every row can be inserted after the rows it references', () => {
    const seen = new Set<string>();
    for (const table of catalog) {
      for (const parent of table.references) expect(seen, `${table.name} after ${parent}`).toContain(parent);
      seen.add(table.name);
    }
  });
});
