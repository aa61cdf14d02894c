import type { CreateOperation, CreatePlatform, InviteCreated, Me, Operation, Platform, Role } from '@actionday/shared';
import { ApiClient } from './http.js';

/** Who a simulated participant is, enough for another process to act as them (cookie, not password). */
export interface ParticipantAccount {
  email: string;
  cookie: string;
  memberId: string;
  userId: string;
  role: Role;
  country: string;
}

/** The twenty countries of the 2022 day, for spreading participants as a real day does. */
export const countries2022 = [
  'NL',
  'BE',
  'DE',
  'FR',
  'ES',
  'IT',
  'PT',
  'AT',
  'PL',
  'CZ',
  'RO',
  'BG',
  'HU',
  'SK',
  'SI',
  'HR',
  'LT',
  'LV',
  'FI',
  'SE',
] as const;

/** Signs in with e-mail and password; the client keeps the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  await client.call('POST', '/api/session', { email, password });
  return client;
}

/** Creates an operation running today (the first administrator becomes its coordinator). */
export async function createOperation(admin: ApiClient, settings: Partial<CreateOperation> = {}): Promise<Operation> {
  const startsAt = new Date(Date.now() - 3600_000);
  return admin.call<Operation>('POST', '/api/operations', {
    name: 'Bench action day',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 12 * 3600_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    focusTags: ['ukraine'],
    focusNationalities: ['UA'],
    ...settings,
  });
}

/** Moves the operation to a phase (the bench runs its days `live`). */
export async function setPhase(admin: ApiClient, operationId: string, status: Operation['status']): Promise<void> {
  await admin.call('POST', `/api/operations/${operationId}/status`, { status });
}

/** Adds `count` target platforms in lists of at most 5,000 (the API's limit per request). */
export async function addPlatforms(
  admin: ApiClient,
  operationId: string,
  count: number,
  prefix = 'p',
): Promise<Platform[]> {
  const categories: CreatePlatform['category'][] = [
    'social_media',
    'dating',
    'classified_ads',
    'escort_ads',
    'forum',
    'messaging',
  ];
  const all: Platform[] = [];
  for (let from = 0; from < count; from += 5000) {
    const list: CreatePlatform[] = [];
    for (let i = from; i < Math.min(count, from + 5000); i++)
      list.push({
        name: `Platform ${prefix}${i}`,
        url: `https://${prefix}${i}.bench.example.org`,
        category: categories[i % categories.length] ?? 'other',
        tags: i % 4 === 0 ? ['ukraine'] : [],
      });
    all.push(...(await admin.call<Platform[]>('POST', `/api/operations/${operationId}/platforms`, list)));
  }
  return all;
}

/**
 * Brings participants in as people do: the coordinator creates an invite,
 * the participant accepts it with a new account (signed in at once). Runs
 * `concurrency` at a time: each account costs the server an argon2id hash.
 */
export async function inviteParticipants(
  admin: ApiClient,
  operationId: string,
  specs: { role: Role; country: string }[],
  concurrency = 4,
): Promise<ParticipantAccount[]> {
  const out: ParticipantAccount[] = [];
  let next = 0;
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const one = async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index];
      if (!spec) continue;
      const invite = await admin.call<InviteCreated>('POST', `/api/operations/${operationId}/invites`, {
        role: spec.role,
        country: spec.country,
        agency: `${spec.country} Police`,
      });
      const person = new ApiClient(admin.baseUrl);
      const email = `bench.${spec.role}.${index}.${stamp}@actionday.test`;
      await person.call('POST', `/api/invites/${encodeURIComponent(invite.code)}/accept`, {
        name: `${spec.role} ${spec.country} ${index}`,
        email,
        password: 'bench-participant-password',
      });
      const me = await person.call<Me>('GET', '/api/me');
      const membership = me.memberships.find((m) => m.operationId === operationId);
      if (!membership) throw new Error('an accepted invite left no membership');
      out[index] = {
        email,
        cookie: person.cookie,
        memberId: membership.id,
        userId: me.user.id,
        role: spec.role,
        country: spec.country,
      };
      person.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, one));
  return out;
}

/** `n` participants of one role spread over the 2022 countries. */
export function spread(role: Role, n: number): { role: Role; country: string }[] {
  return Array.from({ length: n }, (_, i) => ({ role, country: countries2022[i % countries2022.length] ?? 'NL' }));
}
