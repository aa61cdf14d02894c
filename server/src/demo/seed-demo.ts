import { randomBytes } from 'node:crypto';
import { type CreatePlatform, type PlatformCategory, platformCategories } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { users } from '../modules/auth/auth.table.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { memberships, operations } from '../modules/operations/operations.table.js';
import { seedIndicators } from '../modules/indicators/index.js';
import { createOperation } from '../modules/operations/index.js';
import { createPlatforms } from '../modules/platforms/platforms.service.js';
import { platforms } from '../modules/platforms/platforms.table.js';

export const DEMO_OPERATION_NAME = 'EMPACT THB online action day (demo)';

/** The 20 participating countries of the demo, as in the 2022 day. */
export const demoCountries = [
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
  'UA',
];

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
const fakeOnion = (seed: number) =>
  `${Array.from({ length: 56 }, (_, i) => base32[(seed * 7 + i * 13 + ((seed * i) % 5)) % 32]).join('')}.onion`;

/** 114 demo targets of every category, some tagged `ukraine`; addresses are reserved example domains. */
export function demoPlatforms(): CreatePlatform[] {
  const list: CreatePlatform[] = [];
  for (let i = 0; i < 114; i++) {
    const category = platformCategories[i % platformCategories.length] as PlatformCategory;
    const n = Math.floor(i / platformCategories.length) + 1;
    const label = category.replace('_', '-');
    list.push({
      name: `${label} site ${n}`,
      url: category === 'dark_web' ? `http://${fakeOnion(i)}` : `https://${label}-${n}.example.org`,
      category,
      tags: i % 4 === 0 ? ['ukraine'] : [],
      priority: i % 10 === 0 ? 5 : 0,
    });
  }
  return list;
}

const newPassword = () => randomBytes(9).toString('base64url');

/**
 * Creates (or refreshes) the demo: a coordinator, one investigator per
 * country, an analyst and an observer, and the demo operation with 114
 * platforms. Every run gives the demo accounts fresh random passwords and
 * prints them: there is never a default password.
 */
export async function seedDemo(
  deps: Deps,
  options: { print: (line: string) => void },
): Promise<{ operationId: string }> {
  const { db } = deps;
  const accounts = [
    {
      email: 'coordinator@demo.actionday',
      name: 'Demo Coordinator',
      isAdmin: true,
      role: 'coordinator' as const,
      country: 'NL',
      agency: 'Europol',
    },
    {
      email: 'analyst@demo.actionday',
      name: 'Demo Analyst',
      isAdmin: false,
      role: 'analyst' as const,
      country: 'NL',
      agency: 'Europol',
    },
    {
      email: 'observer@demo.actionday',
      name: 'Demo Observer',
      isAdmin: false,
      role: 'observer' as const,
      country: 'NL',
      agency: 'Eurojust',
    },
    ...demoCountries.map((country) => ({
      email: `investigator.${country.toLowerCase()}@demo.actionday`,
      name: `Investigator ${country}`,
      isAdmin: false,
      role: 'investigator' as const,
      country,
      agency: `Police ${country}`,
    })),
  ];
  const printed: string[] = [];
  const ids = new Map<string, string>();
  for (const account of accounts) {
    const password = newPassword();
    const passwordHash = await hashPassword(password);
    const [row] = await db
      .insert(users)
      .values({ email: account.email, name: account.name, isAdmin: account.isAdmin, passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash } })
      .returning({ id: users.id });
    if (!row) throw new Error('demo user insert returned no row');
    ids.set(account.email, row.id);
    if (printed.length < 5) printed.push(`    ${account.email.padEnd(36)} ${password}`);
  }
  const coordinatorId = ids.get('coordinator@demo.actionday') as string;
  let [operation] = await db.select().from(operations).where(eq(operations.name, DEMO_OPERATION_NAME));
  if (!operation) {
    // a day in full swing: started two hours ago, ten hours to go
    const start = new Date();
    start.setUTCMinutes(0, 0, 0);
    start.setUTCHours(start.getUTCHours() - 2);
    const created = await createOperation(
      db,
      { userId: coordinatorId, ip: null },
      {
        name: DEMO_OPERATION_NAME,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 12 * 3600_000).toISOString(),
        timeZone: 'Europe/Amsterdam',
        focusTags: ['ukraine'],
        focusNationalities: ['UA'],
      },
      [seedIndicators],
    );
    await db.update(operations).set({ status: 'live' }).where(eq(operations.id, created.id));
    [operation] = await db.select().from(operations).where(eq(operations.id, created.id));
  }
  if (!operation) throw new Error('demo operation missing');
  for (const account of accounts.slice(1)) {
    await db
      .insert(memberships)
      .values({
        operationId: operation.id,
        userId: ids.get(account.email) as string,
        role: account.role,
        country: account.country,
        agency: account.agency,
      })
      .onConflictDoNothing();
  }
  const existing = await db
    .select({ id: platforms.id })
    .from(platforms)
    .where(eq(platforms.operationId, operation.id))
    .limit(1);
  if (existing.length === 0) {
    const [coordinator] = await db.select().from(memberships).where(eq(memberships.userId, coordinatorId));
    if (!coordinator) throw new Error('demo coordinator has no membership');
    await createPlatforms(
      deps,
      { userId: coordinatorId, ip: null },
      { operation, membership: coordinator },
      demoPlatforms(),
    );
  }
  options.print(
    [
      '',
      `  Demo operation "${DEMO_OPERATION_NAME}" is ready. Demo accounts (passwords are new on every --demo start):`,
      ...printed,
      `    …and investigator.<country>@demo.actionday for ${demoCountries.length} countries (passwords: restart with --demo to see more)`,
      '',
    ].join('\n'),
  );
  return { operationId: operation.id };
}
