import { type NoteKind, type NoteRef, can, noteDocName, noteRefSchema } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { AppError, fail } from '../../http/errors.js';
import { type MembershipRow, authorize } from '../operations/index.js';
import { platformInOperation } from '../platforms/index.js';

/** A note resolved from its reference: what it belongs to. */
export interface NoteTarget {
  docName: string;
  kind: NoteKind;
  operationId: string;
  platformId: string | null;
}

/**
 * Opens a note for a user: they must be a participant whose role may read
 * notes, and a platform note's platform must belong to the operation.
 */
export async function authorizeNoteOpen(
  db: Db,
  userId: string,
  input: NoteRef,
): Promise<{ target: NoteTarget; membership: MembershipRow; canEdit: boolean }> {
  const ref = noteRefSchema.parse(input);
  const { membership } = await authorize(db, userId, ref.operationId, 'note.read');
  if (ref.platformId) {
    await platformInOperation(db, ref.operationId, ref.platformId).catch((error: unknown) => {
      if (error instanceof AppError) fail('notes.not_found');
      throw error;
    });
  }
  return {
    target: {
      docName: noteDocName(ref),
      kind: ref.platformId ? 'platform' : 'log',
      operationId: ref.operationId,
      platformId: ref.platformId,
    },
    membership,
    canEdit: can(membership.role, 'note.edit'),
  };
}

/** Re-checked before every change: the user is still a participant whose role may edit notes. */
export async function authorizeNoteEdit(db: Db, userId: string, target: NoteTarget): Promise<void> {
  await authorize(db, userId, target.operationId, 'note.edit');
}
