import { NOTE_FIELD } from '@actionday/shared';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import type { NoteTarget } from './notes.access.js';
import { noteMarkdown } from './notes.markdown.js';
import { notes } from './notes.table.js';

/** The stored state of a note, or null when nothing was written yet. */
export async function loadNoteState(db: Db, docName: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ state: notes.state }).from(notes).where(eq(notes.docName, docName)).limit(1);
  return row && row.state.byteLength > 0 ? row.state : null;
}

/** The compacted state of several updates, and the Markdown of the result. */
export function compact(updates: Uint8Array[]): { state: Uint8Array; text: string } {
  const doc = new Y.Doc();
  try {
    for (const update of updates) if (update.byteLength > 0) Y.applyUpdate(doc, update);
    return { state: Y.encodeStateAsUpdate(doc), text: noteMarkdown(doc.getXmlFragment(NOTE_FIELD)) };
  } finally {
    doc.destroy();
  }
}

/**
 * Stores a note by merging this process's state into the stored one, under
 * a row lock: a write never replaces changes it has not seen (another process,
 * an older cache), so the order of writes does not matter. Records an audit
 * row for each edit session that starts with this write, in the same
 * transaction. Answers the merged state, which the caller folds back in.
 */
export async function storeNote(
  db: Db,
  target: NoteTarget,
  local: Uint8Array,
  sessionStarts: readonly Actor[],
  now: Date,
): Promise<Uint8Array> {
  return db.transaction(async (tx) => {
    await tx
      .insert(notes)
      .values({
        docName: target.docName,
        operationId: target.operationId,
        platformId: target.platformId,
        state: new Uint8Array(0),
      })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ state: notes.state })
      .from(notes)
      .where(eq(notes.docName, target.docName))
      .for('update');
    const { state, text } = compact([row?.state ?? new Uint8Array(0), local]);
    await tx
      .update(notes)
      .set({ state, text, revision: sql`${notes.revision} + 1`, updatedAt: now })
      .where(eq(notes.docName, target.docName));
    for (const actor of sessionStarts) {
      await recordAudit(tx, actor, {
        operationId: target.operationId,
        action: 'note.edited',
        targetType: 'note',
        targetId: target.docName,
        details: { kind: target.kind },
      });
    }
    return state;
  });
}
