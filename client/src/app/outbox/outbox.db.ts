import type { DBSchema, IDBPDatabase } from 'idb';
import type { OutboxEntry } from './outbox.types';

interface OutboxSchema extends DBSchema {
  entries: { key: number; value: OutboxEntry; indexes: { byUser: string } };
}

const DB_NAME = 'actionday-outbox';
let opened: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function database(): Promise<IDBPDatabase<OutboxSchema>> {
  // loaded on first use, out of the first page load's budget (the outbox is read right after the shell is up)
  opened ??= import('idb')
    .then(({ openDB }) =>
      openDB<OutboxSchema>(DB_NAME, 1, {
        upgrade(db) {
          const store = db.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
          store.createIndex('byUser', 'userId');
        },
      }),
    )
    .catch((error: unknown) => {
      opened = null;
      throw error;
    });
  return opened;
}

/** Stores a new entry at the end of the queue; answers it with its place (`seq`). */
export async function addEntry(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry> {
  const db = await database();
  // `seq` is given by the store (autoIncrement): the entry is stored without it
  const seq = await db.add('entries', entry as OutboxEntry);
  return { ...entry, seq };
}

/** One account's entries, oldest first. */
export async function entriesOf(userId: string): Promise<OutboxEntry[]> {
  const db = await database();
  const entries = await db.getAllFromIndex('entries', 'byUser', userId);
  return entries.sort((a, b) => a.seq - b.seq);
}

export async function putEntry(entry: OutboxEntry): Promise<void> {
  await (await database()).put('entries', entry);
}

export async function deleteEntry(seq: number): Promise<void> {
  await (await database()).delete('entries', seq);
}
