import type { Role, ServerToClientEvents, Viewer } from '@actionday/shared';
import { roles } from '@actionday/shared';
import type { Db } from '../db/database.js';
import type { DomainEvents } from './bus.js';

/**
 * Who receives a delivery: the sockets joined to an operation — all of them, one role, one role of one
 * country, or one participant — or every socket of one user.
 */
export type Target = { operationId: string; role?: Role; country?: string; memberId?: string } | { userId: string };

/** The payload of a server-to-client event. */
export type PayloadOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** One socket event for one audience. */
export type Emit = {
  [E in keyof ServerToClientEvents]: { kind: 'emit'; event: E; payload: PayloadOf<E>; to: Target; except?: Target[] };
}[keyof ServerToClientEvents];

/**
 * What a domain event becomes for the connected clients. Modules describe deliveries; only the realtime
 * layer (`server/src/realtime/fanout.ts`) turns them into room emits, on every process through the adapter.
 */
export type Delivery =
  | Emit
  /** A session ended (signed out): its sockets close, on every namespace. */
  | { kind: 'disconnect'; userId: string; sessionHash?: string }
  /** A participant lost access to one operation: their sockets leave its rooms and its notes, on every namespace. */
  | { kind: 'evict'; userId: string; operationId: string };

/** What a projection may read to decide its deliveries. */
export interface ProjectionContext {
  db: Db;
}

/** Turns one domain event into deliveries. Runs after commit; may read the database. */
export type Projection<K extends keyof DomainEvents> = (
  event: DomainEvents[K],
  context: ProjectionContext,
) => Delivery[] | Promise<Delivery[]>;

/** A module's projections: one per domain event it wants on the sockets. */
export type Projections = { [K in keyof DomainEvents]?: Projection<K> };

/** One emit, typed by its event name. */
export function emit<E extends keyof ServerToClientEvents>(
  event: E,
  payload: PayloadOf<E>,
  to: Target,
  except?: Target[],
): Emit {
  return { kind: 'emit', event, payload, to, ...(except && except.length > 0 ? { except } : {}) } as Emit;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Deliveries of an event whose payload depends on who looks: `build` answers, for a viewer, what they
 * receive (null: nothing). It is asked for each role in each of `countries` (the countries whose members
 * may see more: the records' countries), for each role elsewhere (`country: null`), and for each of
 * `members` (people whose view differs from their audience's: authors, people involved). Audiences that
 * receive the same payload share one emit; nobody receives a payload they could not fetch.
 */
export function perAudience<E extends keyof ServerToClientEvents>(spec: {
  operationId: string;
  event: E;
  countries: readonly string[];
  members?: readonly (Viewer & { memberId: string })[];
  roles?: readonly Role[];
  build: (viewer: Viewer) => PayloadOf<E> | null;
}): Emit[] {
  const { operationId, event, build } = spec;
  const countries = [...new Set(spec.countries)];
  const out: Emit[] = [];
  for (const role of spec.roles ?? roles) {
    const elsewhere = build({ role, country: null, memberId: null });
    const byCountry = new Map(countries.map((country) => [country, build({ role, country, memberId: null })]));
    const personal = (spec.members ?? [])
      .filter((member) => member.role === role)
      .map((member) => ({ member, payload: build(member) }))
      .filter(({ member, payload }) => {
        const audience =
          member.country !== null && byCountry.has(member.country) ? byCountry.get(member.country) : elsewhere;
        return !same(payload, audience);
      });
    const exceptMembers = personal.map(({ member }) => ({ operationId, memberId: member.memberId }));
    const differing = [...byCountry].filter(([, payload]) => !same(payload, elsewhere));
    if (elsewhere) {
      const except = [...differing.map(([country]) => ({ operationId, role, country })), ...exceptMembers];
      out.push(emit(event, elsewhere, { operationId, role }, except));
    }
    for (const [country, payload] of differing) {
      if (payload) out.push(emit(event, payload, { operationId, role, country }, exceptMembers));
    }
    for (const { member, payload } of personal) {
      if (payload) out.push(emit(event, payload, { operationId, memberId: member.memberId }));
    }
  }
  return out;
}
