import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type {
  ClientToServerEvents,
  CreateOperation,
  CreatePlatform,
  Operation,
  Platform,
  Role,
  ServerToClientEvents,
} from '@actionday/shared';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { type Socket, io as ioClient } from 'socket.io-client';
import { type App, buildApp } from '../app.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { SESSION_COOKIE } from '../http/context.js';
import { users } from '../modules/auth/auth.table.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { createSession } from '../modules/auth/sessions.js';
import { memberships } from '../modules/operations/operations.table.js';
import { openTestDatabase } from './test-database.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A signed-in person in a test: their ids and session cookie. */
export interface Session {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  /** Membership id in the operation they were invited to, when any. */
  memberId?: string;
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  redisUrl: undefined,
  redisPrefix: 'actionday',
  trustProxy: false,
  dataDir: mkdtempSync(join(tmpdir(), 'actionday-test-')),
  logLevel: 'silent',
  publicUrl: 'http://localhost:3000',
  admin: undefined,
  // nothing a test captures leaves this machine, whatever URL it asks for
  capture: { allow: [], proxy: undefined, concurrency: 2, timeoutMs: 60_000, allowedOnly: true },
  ...overrides,
});

/** One member of a seeded world: role, country (NL) and display name (`<role> <country>`). */
export type MemberSpec = readonly [role: Role, country?: string, name?: string];

/** What a test needs before it starts, written in one call to `t.seed(...)`. */
export interface SeedSpec<M extends Record<string, MemberSpec>> {
  /** The operation's fields (a valid default day otherwise). */
  operation?: Partial<CreateOperation>;
  /** Members by the name the test uses for them. */
  members?: M;
  /** A number of generic platforms, or the platforms themselves. */
  platforms?: number | CreatePlatform[];
}

/** A seeded world: its operation, the coordinator who created it, the named members and the platforms. */
export interface World<M extends Record<string, MemberSpec>> {
  operation: Operation;
  coordinator: Session;
  members: { [K in keyof M]: Session };
  platforms: Platform[];
  /** `path` under the operation: `w.path('/findings')` is `/api/operations/<id>/findings`. */
  path(path?: string): string;
}

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${++counter}.${randomBytes(3).toString('hex')}@test.actionday`;

/** The real app on a fresh, migrated database, with helpers to seed people and operations through the API. */
export class TestApp {
  url = '';
  private sockets: ClientSocket[] = [];

  private constructor(readonly app: App) {}

  /** Builds the app; `listen: true` also opens a port for real sockets. */
  static async create(
    options: {
      listen?: boolean;
      now?: () => Date;
      print?: (line: string) => void;
      config?: Partial<Config>;
      clientDir?: string;
      /** Reuse this database instead of a fresh one (a restart on the same data). */
      database?: Database;
      /** Leave the database open on close, for a next app on the same data. */
      keepDatabaseOpen?: boolean;
      /** Sign-in limits; practically none unless a test sets them. */
      signInLimits?: { perAddress?: number; perAccount?: number };
    } = {},
  ): Promise<TestApp> {
    const database = options.database ?? (await openTestDatabase());
    const app = await buildApp({
      config: testConfig(options.config),
      database,
      // TEST_LOG=error (or another level) shows the server's own log, e.g. the cause of a 500
      logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false,
      clientDir: options.clientDir ?? false,
      claimSweepMs: 0,
      // tests sign in hundreds of people from one address; the limits have a test of their own
      signInLimits: { perAddress: 1_000_000, perAccount: 1_000_000, ...options.signInLimits },
      keepDatabaseOpen: options.keepDatabaseOpen ?? false,
      now: options.now,
      print: options.print ?? (() => {}),
    });
    const t = new TestApp(app);
    if (options.listen) {
      await app.listen({ port: 0, host: '127.0.0.1' });
      t.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }
    return t;
  }

  /** Sends a request through the real app, signed in as `session` when given. */
  request(
    session: Session | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: session ? { cookie: session.cookie } : {},
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  }

  /** Creates a user directly (administrators have no other way in) and signs them in. */
  async user(options: { isAdmin?: boolean; name?: string } = {}): Promise<Session> {
    const email = uniqueEmail(options.isAdmin ? 'admin' : 'user');
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const [row] = await this.app.deps.db
      .insert(users)
      .values({
        email,
        name: options.name ?? email.split('@')[0] ?? email,
        isAdmin: options.isAdmin ?? false,
        passwordHash: await hashPassword(password),
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert failed');
    return { userId: row.id, email, password, cookie: await this.signIn(email, password) };
  }

  /**
   * A world of its own for one test: a new operation created through the API by a new coordinator, members
   * and platforms. People are written straight to the database with a session each (no password hashing:
   * sign-in has tests of its own), so a world costs a few queries.
   *
   *     const w = await t.seed({ operation: { claimLimit: 2 }, members: { nl: ['investigator', 'NL'] }, platforms: 2 });
   *     await t.request(w.members.nl, 'POST', w.path('/findings'), { ... });
   */
  async seed<M extends Record<string, MemberSpec> = Record<never, MemberSpec>>(
    spec: SeedSpec<M> = {},
  ): Promise<World<M>> {
    const [admin] = await this.people([{ isAdmin: true, name: 'Coordinator' }]);
    if (!admin) throw new Error('coordinator insert failed');
    const created = await this.request(admin, 'POST', '/api/operations', {
      name: 'Action day',
      startsAt: '2022-09-06T06:00:00Z',
      endsAt: '2022-09-06T18:00:00Z',
      timeZone: 'Europe/Amsterdam',
      focusTags: ['ukraine'],
      ...spec.operation,
    });
    if (created.statusCode !== 201) throw new Error(`operation create failed: ${created.body}`);
    const operation = created.json<Operation>();
    const base = `/api/operations/${operation.id}`;
    const [me] = await this.app.deps.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.operationId, operation.id), eq(memberships.userId, admin.userId)));
    const coordinator = { ...admin, memberId: me?.id };

    const entries = Object.entries(spec.members ?? {}) as [keyof M & string, MemberSpec][];
    const people = await this.people(
      entries.map(([, [role, country = 'NL', name]]) => ({ name: name ?? `${role} ${country}` })),
    );
    const rows = entries.length
      ? await this.app.deps.db
          .insert(memberships)
          .values(
            entries.map(([, [role, country = 'NL']], i) => ({
              operationId: operation.id,
              userId: people[i]?.userId ?? '',
              role,
              country,
              agency: `Police ${country}`,
            })),
          )
          .returning({ id: memberships.id, userId: memberships.userId })
      : [];
    const members = Object.fromEntries(
      entries.map(([key], i) => {
        const person = people[i] as Session;
        return [key, { ...person, memberId: rows.find((r) => r.userId === person.userId)?.id }];
      }),
    ) as { [K in keyof M]: Session };

    let platforms: Platform[] = [];
    const wanted =
      typeof spec.platforms === 'number'
        ? Array.from({ length: spec.platforms }, (_, i) => ({
            name: `Platform ${i + 1}`,
            url: `https://platform-${i + 1}.example.org`,
            category: 'forum' as const,
          }))
        : (spec.platforms ?? []);
    if (wanted.length) {
      const response = await this.request(coordinator, 'POST', `${base}/platforms`, wanted);
      if (response.statusCode !== 201) throw new Error(`platforms create failed: ${response.body}`);
      platforms = response.json<Platform[]>();
    }
    return { operation, coordinator, members, platforms, path: (path = '') => `${base}${path}` };
  }

  /** People written straight to the database, each with a session (no password: they never sign in). */
  private async people(specs: { isAdmin?: boolean; name: string }[]): Promise<Session[]> {
    if (specs.length === 0) return [];
    const { db, now } = this.app.deps;
    const emails = specs.map((spec) => uniqueEmail(spec.isAdmin ? 'admin' : 'user'));
    const inserted = await db
      .insert(users)
      .values(
        specs.map((spec, i) => ({
          email: emails[i] ?? '',
          name: spec.name,
          isAdmin: spec.isAdmin ?? false,
          passwordHash: 'not-used',
        })),
      )
      .returning({ id: users.id, email: users.email });
    const rows = emails.map((email) => inserted.find((row) => row.email === email) ?? { id: '', email });
    return Promise.all(
      rows.map(async (row) => ({
        userId: row.id,
        email: row.email,
        password: '',
        cookie: `${SESSION_COOKIE}=${await createSession(db, row.id, now())}`,
      })),
    );
  }

  /** Signs in through the API and returns the session cookie. */
  async signIn(email: string, password: string): Promise<string> {
    const response = await this.request(null, 'POST', '/api/session', { email, password });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'actionday_session');
    if (!cookie) throw new Error('no session cookie');
    return `${cookie.name}=${cookie.value}`;
  }

  /** An operation created by a new administrator, who becomes its coordinator. */
  async operation(overrides: Partial<CreateOperation> = {}): Promise<{ operation: Operation; coordinator: Session }> {
    const admin = await this.user({ isAdmin: true, name: 'Coordinator' });
    const response = await this.request(admin, 'POST', '/api/operations', {
      name: 'Action day',
      startsAt: '2022-09-06T06:00:00Z',
      endsAt: '2022-09-06T18:00:00Z',
      timeZone: 'Europe/Amsterdam',
      focusTags: ['ukraine'],
      ...overrides,
    });
    if (response.statusCode !== 201) throw new Error(`operation create failed: ${response.body}`);
    const operation = response.json<Operation>();
    const me = await this.request(admin, 'GET', `/api/operations/${operation.id}`);
    return { operation, coordinator: { ...admin, memberId: me.json<{ me: { id: string } }>().me.id } };
  }

  /** A participant who joined through an invite of the coordinator. */
  async member(operationId: string, coordinator: Session, role: Role, country = 'NL', name?: string): Promise<Session> {
    const invite = await this.request(coordinator, 'POST', `/api/operations/${operationId}/invites`, {
      role,
      country,
      agency: `Police ${country}`,
    });
    if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.body}`);
    const { code } = invite.json<{ code: string }>();
    const email = uniqueEmail(role);
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const accepted = await this.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: name ?? `${role} ${country}`,
      email,
      password,
    });
    if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
    const cookie = accepted.cookies.find((c) => c.name === 'actionday_session');
    if (!cookie) throw new Error('no session cookie after accept');
    const session = { userId: '', email, password, cookie: `${cookie.name}=${cookie.value}` };
    const me = await this.request(session, 'GET', `/api/operations/${operationId}`);
    const { me: participant } = me.json<{ me: { id: string; userId: string } }>();
    return { ...session, userId: participant.userId, memberId: participant.id };
  }

  /**
   * Many participants at once, written straight to the database with a
   * session each (no password hashing), for race tests with hundreds of people.
   */
  async members(operationId: string, count: number, role: Role, country = 'NL'): Promise<Session[]> {
    const { db } = this.app.deps;
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: count }, () => ({
          email: uniqueEmail(role),
          name: `${role} ${country}`,
          passwordHash: 'not-used',
        })),
      )
      .returning({ id: users.id, email: users.email });
    const members = await db
      .insert(memberships)
      .values(rows.map((row) => ({ operationId, userId: row.id, role, country, agency: `Police ${country}` })))
      .returning({ id: memberships.id, userId: memberships.userId });
    const sessionsOut: Session[] = [];
    for (const member of members) {
      const token = await createSession(db, member.userId);
      const row = rows.find((r) => r.id === member.userId);
      sessionsOut.push({
        userId: member.userId,
        email: row?.email ?? '',
        password: '',
        cookie: `actionday_session=${token}`,
        memberId: member.id,
      });
    }
    return sessionsOut;
  }

  /** A real socket.io client connected with the session's cookie (needs `listen: true`). */
  async socket(session: Session | null): Promise<ClientSocket> {
    const socket: ClientSocket = ioClient(this.url, {
      transports: ['websocket'],
      extraHeaders: session ? { cookie: session.cookie } : {},
      reconnection: false,
      forceNew: true,
    });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return socket;
  }

  /** Closes sockets, the app and its database. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    await this.app.close();
  }
}

/** A clock that tests move by hand. */
export function fakeClock(start = new Date('2022-09-06T08:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(minutes: number) {
      current += minutes * 60_000;
    },
  };
}

/** Polls until the assertion stops throwing (default 3 s), never a fixed sleep. */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
