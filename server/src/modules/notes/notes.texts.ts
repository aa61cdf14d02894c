import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { platformNames } from '../platforms/index.js';
import { notes } from './notes.table.js';

/** The notes' Markdown copies that have any text: the situation log first, then platform notes by name. */
export async function noteTexts(db: Db, operationId: string) {
  const rows = await db
    .select({ docName: notes.docName, platformId: notes.platformId, text: notes.text, updatedAt: notes.updatedAt })
    .from(notes)
    .where(and(eq(notes.operationId, operationId), sql`length(trim(${notes.text})) > 0`));
  const names = await platformNames(
    db,
    rows.map((r) => r.platformId).filter((id): id is string => !!id),
  );
  return rows
    .map((r) => ({
      kind: r.platformId ? ('platform' as const) : ('log' as const),
      platformId: r.platformId,
      platformName: r.platformId ? (names.get(r.platformId) ?? null) : null,
      text: r.text,
      updatedAt: r.updatedAt.toISOString(),
    }))
    .sort((a, b) =>
      a.kind === b.kind ? (a.platformName ?? '').localeCompare(b.platformName ?? '') : a.kind === 'log' ? -1 : 1,
    );
}
