import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-database.js';
import { rowsOf } from './database.js';

describe('migrations', () => {
  it('every migration applies to an empty database, and applying again changes nothing', async () => {
    const database = await openTestDatabase({ empty: true });
    try {
      await database.migrate();
      await database.migrate();
      const tables = rowsOf<{ table_name: string }>(
        await database.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'audit_events',
          'invites',
          'memberships',
          'operations',
          'platforms',
          'sessions',
          'users',
        ]),
      );
    } finally {
      await database.close();
    }
  });
});
