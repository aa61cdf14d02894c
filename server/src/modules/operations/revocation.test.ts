import type { NotesClientToServerEvents, NotesServerToClientEvents, Revocations } from '@actionday/shared';
import * as encoding from 'lib0/encoding';
import { type Socket, io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Session, TestApp, eventually } from '../../test/test-app.js';

type NotesSocket = Socket<NotesServerToClientEvents, NotesClientToServerEvents>;

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.create({ listen: true });
});
afterAll(() => t.close());

const revoke = (who: Session, operationId: string, member: Session) =>
  t.request(who, 'POST', `/api/operations/${operationId}/participants/${member.memberId}/revoke`);
const reinstate = (who: Session, operationId: string, member: Session) =>
  t.request(who, 'POST', `/api/operations/${operationId}/participants/${member.memberId}/reinstate`);
const platformsOf = (who: Session, operationId: string) =>
  t.request(who, 'GET', `/api/operations/${operationId}/platforms`);

/** A day run by its creator (an administrator) with two more coordinators who are not administrators. */
async function day() {
  const {
    operation,
    coordinator: creator,
    members,
  } = await t.seed({
    members: {
      anna: ['coordinator', 'NL', 'Anna'],
      bert: ['coordinator', 'DE', 'Bert'],
      carl: ['coordinator', 'FR', 'Carl'],
      ivan: ['investigator', 'BE', 'Ivan'],
    },
  });
  return { operation, creator, ...members };
}

async function notesSocket(who: Session): Promise<NotesSocket> {
  const socket: NotesSocket = ioClient(`${t.url}/notes`, {
    transports: ['websocket'],
    extraHeaders: { cookie: who.cookie },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const stepOne = () => {
  const encoder = encoding.createEncoder();
  sync.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
};

describe.shuffle('revoking participants', () => {
  it("a coordinator cannot revoke the operation's creator or an administrator; an administrator can", async () => {
    const { operation, creator, anna } = await day();
    const admin = await t.user({ isAdmin: true, name: 'Second admin' });
    const invite = await t.request(creator, 'POST', `/api/operations/${operation.id}/invites`, {
      role: 'analyst',
      country: 'NL',
      agency: 'Europol',
    });
    const code = invite.json<{ code: string }>().code;
    await t.request(admin, 'POST', `/api/invites/${code}/accept`, {
      name: 'A',
      email: admin.email,
      password: 'not-checked-when-signed-in',
    });
    const adminMember = (await t.request(admin, 'GET', `/api/operations/${operation.id}`)).json<{
      me: { id: string };
    }>().me.id;

    for (const target of [creator, { ...admin, memberId: adminMember }]) {
      const refused = await revoke(anna, operation.id, target);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('operations.protected_participant');
      expect((await platformsOf(target, operation.id)).statusCode).toBe(200);
    }
    // the second administrator may: and at once, though the creator is a coordinator
    expect((await revoke(admin, operation.id, creator)).json()).toEqual({ status: 'revoked' });
    expect((await platformsOf(creator, operation.id)).json().error.code).toBe('operations.revoked');
    expect((await reinstate(admin, operation.id, creator)).statusCode).toBe(200);
    expect((await platformsOf(creator, operation.id)).statusCode).toBe(200);
  });

  it('revoking a coordinator takes a second coordinator, who confirms what the first asked', async () => {
    const { operation, anna, bert, carl } = await day();
    expect((await revoke(anna, operation.id, carl)).json()).toEqual({ status: 'pending' });
    // asking again changes nothing, and Carl still works
    expect((await revoke(anna, operation.id, carl)).json()).toEqual({ status: 'pending' });
    expect((await platformsOf(carl, operation.id)).statusCode).toBe(200);
    const own = await revoke(carl, operation.id, carl);
    expect(own.json().error.code).toBe('operations.cannot_revoke_self');

    const pending = (await t.request(bert, 'GET', `/api/operations/${operation.id}/revocations`)).json<Revocations>();
    expect(pending.pending).toMatchObject([{ participant: { id: carl.memberId, name: 'Carl' }, byName: 'Anna' }]);
    expect(pending.revoked).toEqual([]);

    expect((await revoke(bert, operation.id, carl)).json()).toEqual({ status: 'revoked' });
    expect((await platformsOf(carl, operation.id)).json().error.code).toBe('operations.revoked');
    const after = (await t.request(anna, 'GET', `/api/operations/${operation.id}/revocations`)).json<Revocations>();
    expect(after.pending).toEqual([]);
    expect(after.revoked).toMatchObject([{ participant: { id: carl.memberId }, byName: 'Bert' }]);
    // Carl, revoked, may no longer decide anything
    expect((await revoke(carl, operation.id, anna)).json().error.code).toBe('operations.revoked');
  });

  it('a request made by a coordinator who has been revoked since is void: the next call asks anew', async () => {
    const { operation, creator, anna, bert, carl } = await day();
    await revoke(anna, operation.id, carl);
    expect((await revoke(creator, operation.id, anna)).json()).toEqual({ status: 'revoked' });
    expect((await revoke(bert, operation.id, carl)).json()).toEqual({ status: 'pending' });
    expect((await platformsOf(carl, operation.id)).statusCode).toBe(200);
    const { pending } = (
      await t.request(bert, 'GET', `/api/operations/${operation.id}/revocations`)
    ).json<Revocations>();
    expect(pending).toMatchObject([{ participant: { id: carl.memberId }, byName: 'Bert' }]);
  });

  it('the coordinator who asked may withdraw the request; the one asked about may not', async () => {
    const { operation, anna, bert, carl } = await day();
    await revoke(anna, operation.id, carl);
    const path = `/api/operations/${operation.id}/participants/${carl.memberId}/revocation-request`;
    expect((await t.request(carl, 'DELETE', path)).json().error.code).toBe('operations.no_revocation_request');
    expect((await t.request(bert, 'DELETE', path)).json().error.code).toBe('operations.no_revocation_request');
    expect((await t.request(anna, 'DELETE', path)).statusCode).toBe(200);
    // nothing waits now: Bert's call is a new request, not a confirmation
    expect((await revoke(bert, operation.id, carl)).json()).toEqual({ status: 'pending' });
    expect((await platformsOf(carl, operation.id)).statusCode).toBe(200);
  });

  it('an investigator is revoked by one coordinator; only an administrator undoes it, and invites stay honest', async () => {
    const { operation, creator, anna, ivan } = await day();
    expect((await revoke(anna, operation.id, ivan)).json()).toEqual({ status: 'revoked' });
    const byCoordinator = await reinstate(anna, operation.id, ivan);
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().error.code).toBe('auth.admin_only');

    // a new invite does not bring a revoked person back, and stays usable
    const { code } = (
      await t.request(anna, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'investigator',
        country: 'BE',
        agency: 'Federal Police',
      })
    ).json<{ code: string }>();
    const accept = () =>
      t.request(ivan, 'POST', `/api/invites/${code}/accept`, {
        name: 'Ivan',
        email: ivan.email,
        password: 'not-checked-when-signed-in',
      });
    expect((await accept()).json().error.code).toBe('invites.revoked_member');
    expect((await t.request(null, 'GET', `/api/invites/${code}`)).statusCode).toBe(200);

    expect((await reinstate(creator, operation.id, ivan)).statusCode).toBe(200);
    expect((await reinstate(creator, operation.id, ivan)).json().error.code).toBe('operations.not_revoked');
    expect((await platformsOf(ivan, operation.id)).statusCode).toBe(200);
    const participants = (await t.request(anna, 'GET', `/api/operations/${operation.id}`)).json<{
      participants: { id: string; role: string }[];
    }>().participants;
    expect(participants).toContainEqual(expect.objectContaining({ id: ivan.memberId, role: 'investigator' }));
    expect((await accept()).json().error.code).toBe('invites.already_member');
  });

  it('a revoked participant leaves the participant list and cannot be given a platform', async () => {
    const { operation, anna, ivan } = await day();
    const platform = (
      await t.request(anna, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'escort_ads',
      })
    ).json<{ id: string }>();
    await revoke(anna, operation.id, ivan);
    const view = (await t.request(anna, 'GET', `/api/operations/${operation.id}`)).json<{
      participants: { id: string }[];
    }>();
    expect(view.participants.map((p) => p.id)).not.toContain(ivan.memberId);
    const assigned = await t.request(anna, 'POST', `/api/platforms/${platform.id}/assign`, {
      participantId: ivan.memberId,
    });
    expect(assigned.statusCode).toBe(404);
    expect(assigned.json().error.code).toBe('operations.member_not_found');
  });

  it('revocation closes that operation on every namespace, and only that one: the session and other days stay', async () => {
    const { operation, anna, ivan } = await day();
    const other = await t.seed();
    const { code } = (
      await t.request(other.coordinator, 'POST', `/api/operations/${other.operation.id}/invites`, {
        role: 'investigator',
        country: 'BE',
        agency: 'Federal Police',
      })
    ).json<{ code: string }>();
    await t.request(ivan, 'POST', `/api/invites/${code}/accept`, {
      name: 'Ivan',
      email: ivan.email,
      password: 'not-checked-when-signed-in',
    });

    const main = await t.socket(ivan);
    await main.emitWithAck('operation:join', { operationId: operation.id });
    await main.emitWithAck('operation:join', { operationId: other.operation.id });
    const notes = await notesSocket(ivan);
    const log = await notes.emitWithAck('note:open', { operationId: operation.id, platformId: null });
    const otherLog = await notes.emitWithAck('note:open', { operationId: other.operation.id, platformId: null });
    expect(log.ok && otherLog.ok).toBe(true);

    const revokedEvents: unknown[] = [];
    const closed: unknown[] = [];
    const created: string[] = [];
    let disconnected = false;
    main.on('participant:revoked', (payload) => revokedEvents.push(payload));
    main.on('platform:created', ({ platforms }) => created.push(...platforms.map((p) => p.operationId)));
    main.on('disconnect', () => (disconnected = true));
    notes.on('disconnect', () => (disconnected = true));
    notes.on('note:closed', (payload) => closed.push(payload));

    await revoke(anna, operation.id, ivan);
    await eventually(() => {
      expect(revokedEvents).toEqual([{ operationId: operation.id, participantId: ivan.memberId }]);
      expect(closed).toEqual([{ docName: `log:${operation.id}`, code: 'operations.revoked' }]);
    });
    // the situation log of that day no longer answers; the other day's does
    const gone = await notes.emitWithAck('note:sync', { docName: `log:${operation.id}`, message: stepOne() });
    expect(gone).toMatchObject({ ok: false, error: { code: 'notes.not_open' } });
    const kept = await notes.emitWithAck('note:sync', { docName: `log:${other.operation.id}`, message: stepOne() });
    expect(kept.ok).toBe(true);
    const reopened = await notes.emitWithAck('note:open', { operationId: operation.id, platformId: null });
    expect(reopened).toMatchObject({ ok: false, error: { code: 'operations.revoked' } });

    for (const [who, id] of [
      [anna, operation.id],
      [other.coordinator, other.operation.id],
    ] as const) {
      await t.request(who, 'POST', `/api/operations/${id}/platforms`, {
        name: 'New',
        url: `https://${id.slice(0, 8)}.example.org`,
        category: 'forum',
      });
    }
    await eventually(() => expect(created).toEqual([other.operation.id]));
    expect(disconnected).toBe(false);
    expect((await t.request(ivan, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await platformsOf(ivan, other.operation.id)).statusCode).toBe(200);
    const join = await main.emitWithAck('operation:join', { operationId: operation.id });
    expect(join).toMatchObject({ ok: false, error: { code: 'operations.revoked' } });
    notes.disconnect();
  });
});
