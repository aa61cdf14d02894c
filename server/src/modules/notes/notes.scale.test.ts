import { noteDocName } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Namespace } from 'socket.io';
import { ClusterAdapter, type ClusterMessage, type ClusterResponse } from 'socket.io-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestApp, eventually } from '../../test/test-app.js';
import { openTestDatabase } from '../../test/test-database.js';
import { type NoteClient, newParagraph, openNote, typeText } from './notes.test-support.js';
import { notes } from './notes.table.js';

/**
 * A socket.io cluster adapter linking servers in this process, standing in for
 * the Redis adapter: messages travel as JSON (as the pub/sub Redis adapter frames them, binary included)
 * and are delivered later.
 */
function linkedAdapters() {
  const group = new Set<Linked>();
  class Linked extends ClusterAdapter {
    constructor(nsp: Namespace) {
      super(nsp);
      group.add(this);
    }
    protected override doPublish(message: ClusterMessage): Promise<string> {
      const copy = JSON.parse(JSON.stringify(message)) as ClusterMessage;
      for (const peer of group)
        if (peer !== this && peer.nsp.name === message.nsp) setImmediate(() => peer.onMessage(copy));
      return Promise.resolve('');
    }
    protected override doPublishResponse(requesterUid: string, response: ClusterResponse): Promise<void> {
      for (const peer of group)
        if (peer.uid === requesterUid && peer.nsp.name === response.nsp)
          setImmediate(() => peer.onResponse(JSON.parse(JSON.stringify(response)) as ClusterResponse));
      return Promise.resolve();
    }
    override close(): void {
      group.delete(this);
    }
  }
  return Linked;
}

describe('notes served by several server processes', () => {
  let database: Database;
  const servers: TestApp[] = [];
  const clients: NoteClient[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const Linked = linkedAdapters();
    for (let i = 0; i < 3; i++) {
      const server = await TestApp.create({ listen: true, database, keepDatabaseOpen: true });
      server.app.io.adapter(Linked);
      servers.push(server);
    }
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    for (const server of servers) await server.close();
    await database.close();
  });

  it('people connected to different servers edit one note together, and a server that opens it late catches up', async () => {
    const [one, two, three] = servers as [TestApp, TestApp, TestApp];
    const { operation, coordinator } = await one.operation();
    const anna = await one.member(operation.id, coordinator, 'investigator', 'NL', 'Anna');
    const bram = await one.member(operation.id, coordinator, 'investigator', 'BE', 'Bram');
    const ref = { operationId: operation.id, platformId: null };
    const a = openNote(one, anna, ref);
    const b = openNote(two, bram, ref);
    clients.push(a, b);
    await eventually(() => expect([a.sync.current.status, b.sync.current.status]).toEqual(['synced', 'synced']), 5000);

    newParagraph(a, 'From server one.');
    newParagraph(b, 'From server two.');
    await eventually(() => {
      expect(a.text()).toBe(b.text());
      expect(a.text()).toContain('From server one.');
      expect(a.text()).toContain('From server two.');
    });
    a.sync.awareness.setLocalStateField('user', { name: 'x', country: 'x', color: '#1d4ed8' });
    await eventually(() =>
      expect(b.sync.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ name: 'Anna', country: 'NL' }),
    );

    // Typed and at once opened on a third server, before any write could hold it.
    typeText(a, ' Still typing.');
    const c = openNote(three, coordinator, ref);
    clients.push(c);
    await eventually(() => expect(c.text()).toBe(a.text()), 5000);
    expect(c.text()).toContain('Still typing.');

    await eventually(async () => {
      const [row] = await one.app.deps.db
        .select({ text: notes.text })
        .from(notes)
        .where(eq(notes.docName, noteDocName(ref)));
      expect(row?.text).toBe(a.text());
    }, 10_000);
  });
});
