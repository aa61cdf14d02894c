import { type NoteRef, type Operation, type Platform, noteDocName } from '@actionday/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@actionday/server/test/test-database';
import { type Session, TestApp, eventually, fakeClock } from '@actionday/server/test/test-app';
import { auditEvents } from '@actionday/server/modules/audit/audit.table';
import { memberships } from '@actionday/server/modules/operations/operations.table';
import { type NoteClient, newParagraph, notesSocket, openNote, typeText } from './notes.support.js';
import { notes } from '@actionday/server/modules/notes/notes.table';

describe.shuffle('shared notes', () => {
  const clock = fakeClock(new Date());
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  const clients: NoteClient[] = [];
  const log = () => ({ operationId: operation.id, platformId: null });

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, now: clock.now });
  });
  afterAll(() => t.close());
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  /** A fresh operation for each test, so notes do not carry over. */
  async function freshOperation(): Promise<void> {
    const w = await t.seed({ members: { anna: ['investigator', 'NL', 'Anna'], bram: ['investigator', 'BE', 'Bram'] } });
    ({ operation, coordinator } = w);
    ({ anna, bram } = w.members);
  }

  function open(session: Session, ref: NoteRef = log()): NoteClient {
    const client = openNote(t, session, ref);
    clients.push(client);
    return client;
  }

  const synced = (client: NoteClient) => eventually(() => expect(client.sync.current.status).toBe('synced'), 5000);
  const saved = (client: NoteClient) =>
    eventually(() => expect(client.sync.current).toMatchObject({ status: 'synced', unsaved: false }), 10_000);

  async function storedNote(docName: string) {
    const [row] = await t.app.deps.db.select().from(notes).where(eq(notes.docName, docName));
    return row;
  }

  it('two investigators typing in the same line at the same moment both keep their words', async () => {
    await freshOperation();
    const a = open(anna);
    const b = open(bram);
    await Promise.all([synced(a), synced(b)]);
    typeText(a, 'Seen on the ad site: ');
    await eventually(() => expect(b.text()).toBe('Seen on the ad site:'));

    // Both type before either hears of the other.
    typeText(a, 'phone +31 6 1234 5678. ');
    typeText(b, 'Ad posted at 09:14. ', 0);
    typeText(b, 'Room 12.');

    await eventually(() => {
      expect(a.text()).toBe(b.text());
      for (const words of ['Seen on the ad site:', 'phone +31 6 1234 5678.', 'Ad posted at 09:14.', 'Room 12.'])
        expect(a.text()).toContain(words);
    });
    await Promise.all([saved(a), saved(b)]);
    expect((await storedNote(noteDocName(log())))?.text).toBe(a.text());
  });

  it('ten people editing the situation log at once all end with the same text, and nothing is lost', async () => {
    await freshOperation();
    const people = await t.members(operation.id, 10, 'investigator', 'DE');
    const many = people.map((person) => open(person));
    await Promise.all(many.map(synced));

    for (let round = 0; round < 15; round++) {
      many.forEach((client, i) =>
        round % 5 === 0
          ? newParagraph(client, `p${i}.${round}`)
          : typeText(client, ` w${i}.${round}`, round % 2 === 0 ? 0 : undefined),
      );
    }

    await eventually(() => {
      const first = many[0]?.text() ?? '';
      for (const client of many) expect(client.text()).toBe(first);
      for (let i = 0; i < many.length; i++) {
        for (let round = 0; round < 15; round++)
          expect(first).toContain(round % 5 === 0 ? `p${i}.${round}` : `w${i}.${round}`);
      }
    }, 15_000);
    await Promise.all(many.map(saved));
    const late = open(coordinator);
    await synced(late);
    expect(late.text()).toBe(many[0]?.text());
    expect((await storedNote(noteDocName(log())))?.text).toBe(late.text());
  });

  it('an investigator who was offline for a while gets their edits merged when back, and sees what others wrote meanwhile', async () => {
    await freshOperation();
    const a = open(anna);
    const b = open(bram);
    await Promise.all([synced(a), synced(b)]);
    typeText(a, 'Shared start.');
    await eventually(() => expect(b.text()).toBe('Shared start.'));

    b.socket.disconnect();
    await eventually(() => expect(b.sync.current.status).toBe('offline'));
    newParagraph(b, 'Written offline on the train.');
    typeText(b, ' Second offline sentence.');
    expect(b.sync.current.unsaved).toBe(true);
    for (let i = 0; i < 5; i++) newParagraph(a, `Online line ${i}.`);
    await saved(a);
    expect(b.text()).not.toContain('Online line');

    b.socket.connect();
    await eventually(() => {
      expect(b.text()).toBe(a.text());
      expect(a.text()).toContain('Written offline on the train. Second offline sentence.');
      expect(a.text()).toContain('Online line 4.');
    });
    await saved(b);
    expect((await storedNote(noteDocName(log())))?.text).toContain('Written offline on the train.');
  });

  it('someone who opens the note late receives everything written before', async () => {
    await freshOperation();
    const platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'classified_ads',
      })
    ).json<Platform>();
    const ref = { operationId: operation.id, platformId: platform.id };
    const a = open(anna, ref);
    await synced(a);
    newParagraph(a, 'Profile "lena_24" moved to Telegram.');
    typeText(a, ' Same photo as on the dating site.');
    await saved(a);
    a.close();

    const b = open(bram, ref);
    await synced(b);
    expect(b.text()).toBe('Profile "lena_24" moved to Telegram. Same photo as on the dating site.');
    expect(b.sync.current.kind).toBe('platform');
  });

  it('what was written survives a restart of the server, even edits not yet written when it stopped', async () => {
    const database = await openTestDatabase();
    const first = await TestApp.create({ listen: true, database, keepDatabaseOpen: true });
    const w = await first.seed({ members: { member: ['analyst', 'FR', 'Chloé'] } });
    const { operation: op, coordinator: lead } = w;
    const { member } = w.members;
    const ref = { operationId: op.id, platformId: null };
    const writer = openNote(first, member, ref);
    const watcher = openNote(first, lead, ref);
    await eventually(() =>
      expect([writer.sync.current.status, watcher.sync.current.status]).toEqual(['synced', 'synced']),
    );
    newParagraph(writer, 'Saved before the restart.');
    await eventually(() => expect(writer.sync.current.unsaved).toBe(false), 10_000);
    newParagraph(writer, 'Typed just before the restart.');
    // The server has it (another client sees it), but its debounced write may not have run yet.
    await eventually(() => expect(watcher.text()).toContain('Typed just before the restart.'));
    await first.close();
    writer.close();
    watcher.close();

    const second = await TestApp.create({ listen: true, database });
    try {
      const reader = openNote(second, member, ref);
      await eventually(() => expect(reader.sync.current.status).toBe('synced'), 5000);
      expect(reader.text()).toBe('Saved before the restart.\n\nTyped just before the restart.');
      reader.close();
    } finally {
      await second.close();
    }
  });

  it('an observer and a member of another operation cannot open the notes', async () => {
    await freshOperation();
    const observer = await t.member(operation.id, coordinator, 'observer', 'NL', 'Press officer');
    const { operation: other, coordinator: otherLead } = await t.operation({ name: 'Another day' });
    const outsider = await t.member(other.id, otherLead, 'investigator', 'PL');
    const a = open(anna);
    await synced(a);
    typeText(a, 'Victim name here.');
    await saved(a);

    const observed = open(observer);
    await eventually(() => expect(observed.sync.current).toMatchObject({ status: 'refused', error: 'auth.forbidden' }));
    const outside = open(outsider);
    await eventually(() =>
      expect(outside.sync.current).toMatchObject({ status: 'refused', error: 'operations.not_member' }),
    );
    expect(observed.text()).toBe('');
    expect(outside.text()).toBe('');

    // Nor by skipping the open: every message needs an opened note.
    const raw = notesSocket(t, outsider);
    try {
      await new Promise((resolve) => raw.once('connect', () => resolve(undefined)));
      const answer = await raw.emitWithAck('note:sync', {
        docName: noteDocName(log()),
        message: new Uint8Array([0, 0]),
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'notes.not_open' } });
    } finally {
      raw.disconnect();
    }

    // A platform of another operation is not reachable through this one.
    const foreign = (
      await t.request(otherLead, 'POST', `/api/operations/${other.id}/platforms`, {
        name: 'F',
        url: 'https://f.example.org',
        category: 'forum',
      })
    ).json<Platform>();
    const sideways = open(anna, { operationId: operation.id, platformId: foreign.id });
    await eventually(() =>
      expect(sideways.sync.current).toMatchObject({ status: 'refused', error: 'notes.not_found' }),
    );
  });

  it('a socket without a session is refused at the handshake', async () => {
    const socket = notesSocket(t, null);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('auth.unauthenticated');
    socket.disconnect();
  });

  it('a participant removed from the operation can no longer change the note, and the note closes for them', async () => {
    await freshOperation();
    const a = open(anna);
    const b = open(bram);
    await Promise.all([synced(a), synced(b)]);
    typeText(a, 'Before.');
    await eventually(() => expect(b.text()).toBe('Before.'));

    await t.app.deps.db
      .delete(memberships)
      .where(and(eq(memberships.operationId, operation.id), eq(memberships.userId, bram.userId)));
    typeText(b, ' Sneaky edit.');
    await eventually(() => expect(b.sync.current).toMatchObject({ status: 'refused', error: 'operations.not_member' }));
    typeText(a, ' After.');
    await saved(a);
    expect(a.text()).toBe('Before. After.');
  });

  it('everyone in a note sees who else is in it, with name and country, and a closed client disappears', async () => {
    await freshOperation();
    const a = open(anna);
    const b = open(bram);
    await Promise.all([synced(a), synced(b)]);
    // The name sent is ignored: presence shows the signed-in participant.
    a.sync.awareness.setLocalStateField('user', { name: 'Someone else', country: 'XX', color: '#2563eb' });
    b.sync.awareness.setLocalStateField('user', { name: 'Bram', country: 'BE', color: '#16a34a' });

    await eventually(() => {
      expect(b.sync.awareness.getStates().get(a.doc.clientID)?.user).toEqual({
        name: 'Anna',
        country: 'NL',
        color: '#2563eb',
      });
      expect(a.sync.awareness.getStates().get(b.doc.clientID)?.user).toEqual({
        name: 'Bram',
        country: 'BE',
        color: '#16a34a',
      });
    });
    const late = open(coordinator);
    await synced(late);
    await eventually(() =>
      expect([...late.sync.awareness.getStates().keys()]).toEqual(
        expect.arrayContaining([a.doc.clientID, b.doc.clientID]),
      ),
    );

    // The laptop lid closes: no goodbye from the client, the server clears its presence.
    a.socket.disconnect();
    await eventually(() => {
      expect(b.sync.awareness.getStates().has(a.doc.clientID)).toBe(false);
      expect(late.sync.awareness.getStates().has(a.doc.clientID)).toBe(false);
    });
    // Closing the note in the page says goodbye at once.
    b.close();
    await eventually(() => expect(late.sync.awareness.getStates().has(b.doc.clientID)).toBe(false));
  });

  it('opening a note and each edit session are in the audit log, not each keystroke', async () => {
    await freshOperation();
    const a = open(anna);
    await synced(a);
    for (let i = 0; i < 20; i++) typeText(a, `${i} `);
    await saved(a);
    for (let i = 0; i < 20; i++) typeText(a, `again ${i} `);
    await saved(a);
    clock.advance(11);
    typeText(a, 'after a coffee');
    await saved(a);

    const rows = await t.app.deps.db
      .select({
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        targetId: auditEvents.targetId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.operationId, operation.id), eq(auditEvents.targetType, 'note')));
    const docName = noteDocName(log());
    expect(rows.filter((row) => row.action === 'note.opened')).toEqual([
      { action: 'note.opened', actorId: anna.userId, targetId: docName, details: { kind: 'log' } },
    ]);
    expect(rows.filter((row) => row.action === 'note.edited')).toHaveLength(2);
    // No text in the audit log: ids and kinds only.
    expect(JSON.stringify(rows)).not.toContain('coffee');
  });
});
