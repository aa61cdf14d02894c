import type { Match, Operation, Platform, Role, Tally } from '@actionday/shared';
import { countries2022, inviteParticipants, signIn } from '../bench/clients/accounts.js';
import type { ApiClient } from '../bench/clients/http.js';
import { pick, seededRandom } from '../bench/lib/random.js';
import { Caller } from './caller.js';
import { type Difference, Ledger, compareTallies } from './ledger.js';
import type { DrillOptions } from './options.js';
import { Presence, writeNote } from './people.js';

/** What a drill came to: its own count, the server's, and where they differ (none, when the day added up). */
export interface DrillResult {
  operationId: string;
  ledger: Ledger;
  expected: Tally;
  live: Tally;
  differences: Difference[];
  /** After closing: the frozen figures against the drill's (null with --no-close). */
  frozenDifferences: Difference[] | null;
  seconds: number;
}

/** A 1×1 PNG: a "screenshot" the server accepts as image/png (its content is checked against its type). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const categories: Platform['category'][] = ['social_media', 'dating', 'classified_ads', 'escort_ads', 'forum'];
const nationalities = ['UA', 'RO', 'NG', 'VN', 'BR', 'MD', 'CN', 'TH'];

/** The platforms nobody has taken yet, as the participants' boards show them. */
class Board {
  private readonly open: string[] = [];
  working = 0;

  constructor(ids: string[]) {
    this.open.push(...ids);
  }

  take(random: () => number): string | null {
    if (this.open.length === 0) return null;
    const at = Math.floor(random() * this.open.length);
    const [id] = this.open.splice(at, 1);
    return id ?? null;
  }

  putBack(id: string): void {
    this.open.push(id);
  }

  get left(): number {
    return this.open.length;
  }
}

interface Person {
  name: string;
  role: Role;
  country: string;
  memberId: string;
  caller: Caller;
  presence: Presence;
  /** Their place in the day: the first identifier each logs is one of the shared values (so every day has matches). */
  index: number;
  identifiersLogged: number;
}

/**
 * Rehearses an action day against a running server, through its HTTP API and sockets only: a coordinator sets
 * the day up (or takes a given operation), participants join through invites and work at human rates sped up
 * by `speed` — claim, keep the claim alive, log suspects, identifiers (some shared across countries, so matches
 * happen), victims and evidence, add platforms they discover, write notes, give verdicts —, analysts read and
 * confirm matches, the coordinator announces and keeps the situation log; the day moves through its phases and
 * closes. The drill counts every acknowledged write and checks its count against the server's figures.
 */
export async function runDrill(options: DrillOptions, print: (line: string) => void): Promise<DrillResult> {
  const started = Date.now();
  const urls = options.url.split(',').map((u) => u.trim().replace(/\/$/, ''));
  const random = seededRandom(options.seed);
  const stamp = `${Date.now().toString(36)}${options.seed}`;
  const human = (seconds: number) => (seconds * 1000) / options.speed;
  const setup: ApiClient = await signIn(urls[0] as string, options.email, options.password);
  const coordinatorCaller = new Caller(urls, setup.cookie);
  const ledger = new Ledger();

  // the operation and its platforms
  let operation: Operation;
  let platformIds: string[];
  if (options.operationId) {
    operation = await setup.call<Operation>('GET', `/api/operations/${options.operationId}`);
    const list = await setup.call<Platform[]>('GET', `/api/operations/${operation.id}/platforms`);
    platformIds = list.filter((p) => p.status === 'unchecked').map((p) => p.id);
    print(`drill on "${operation.name}": ${platformIds.length} unchecked platforms of ${list.length}`);
  } else {
    const startsAt = new Date(Date.now() - 60_000);
    operation = await setup.call<Operation>('POST', '/api/operations', {
      name: `Drill ${new Date().toISOString().slice(0, 16).replace('T', ' ')} (seed ${options.seed})`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 10 * 3600_000).toISOString(),
      timeZone: 'Europe/Amsterdam',
      focusTags: ['ukraine'],
      focusNationalities: ['UA'],
    });
    const created: Platform[] = [];
    for (let from = 0; from < options.platforms; from += 5000) {
      const list = Array.from({ length: Math.min(5000, options.platforms - from) }, (_, k) => {
        const i = from + k;
        return {
          name: `Drill platform ${i + 1}`,
          url: `https://p${i}.${stamp}.drill.example.org`,
          category: categories[i % categories.length],
          tags: i % 5 === 0 ? ['ukraine'] : [],
        };
      });
      created.push(...(await setup.call<Platform[]>('POST', `/api/operations/${operation.id}/platforms`, list)));
    }
    platformIds = created.map((p) => p.id);
    print(`operation "${operation.name}" with ${platformIds.length} platforms`);
  }
  const operationId = operation.id;
  const tallyPath = `/api/operations/${operationId}/tallies`;
  const baseline = await coordinatorCaller.read<Tally>(tallyPath);
  if (operation.status === 'planned')
    await setup.call('POST', `/api/operations/${operationId}/status`, { status: 'briefing' });

  // participants join through invites, spread over the countries
  const countries = countries2022.slice(0, options.countries);
  const specs: { role: Role; country: string }[] = [
    ...Array.from({ length: options.investigators }, (_, i) => ({
      role: 'investigator' as Role,
      country: countries[i % countries.length] ?? 'NL',
    })),
    ...Array.from({ length: options.analysts }, (_, i) => ({
      role: 'analyst' as Role,
      country: countries[i % countries.length] ?? 'NL',
    })),
  ];
  print(`inviting ${specs.length} participants of ${countries.length} countries…`);
  const accounts = await inviteParticipants(setup, operationId, specs);
  const people: Person[] = accounts.map((account, i) => {
    ledger.joined(account.country);
    const caller = new Caller(urls, account.cookie, i);
    return {
      name: `${account.role} ${account.country} ${i}`,
      role: account.role,
      country: account.country,
      memberId: account.memberId,
      caller,
      presence: new Presence(caller, operationId),
      index: i,
      identifiersLogged: 0,
    };
  });
  const coordinatorPresence = new Presence(coordinatorCaller, operationId);
  coordinatorPresence.open();
  for (const person of people) person.presence.open();
  if (operation.status !== 'live')
    await setup.call('POST', `/api/operations/${operationId}/status`, { status: 'live' });
  print('the day is live');

  // the day
  const board = new Board(platformIds);
  const planted = Array.from({ length: Math.max(2, Math.ceil(options.investigators / 3)) }, (_, i) =>
    i % 2 === 0
      ? { identifierKind: 'email' as const, value: `shared.${i}.${stamp}@drill.example.org` }
      : {
          identifierKind: 'phone' as const,
          value: `+316${String(10_000_000 + i * 7919 + (options.seed % 1000) * 13).slice(-8)}`,
        },
  );
  let unique = 0;
  let stopping = false;
  const stopAt = options.minutes === null ? Number.POSITIVE_INFINITY : started + options.minutes * 60_000;
  const done = () => stopping || Date.now() > stopAt;

  const handle = <T>(
    outcome: { done: true; body: T | null } | { done: false; status: number; code: string | null },
  ) => {
    if (!outcome.done) ledger.refused(outcome.code ?? `http ${outcome.status}`);
    return outcome.done;
  };

  async function logOne(person: Person, platformId: string): Promise<void> {
    const roll = random();
    const path = `/api/operations/${operationId}/findings`;
    if (roll < 0.45) {
      const first = person.identifiersLogged++ === 0;
      const share = first
        ? (planted[person.index % planted.length] ?? null)
        : random() < 0.35
          ? pick(planted, random)
          : null;
      const body = share
        ? { kind: 'identifier', platformId, ...share }
        : { kind: 'identifier', platformId, identifierKind: 'email', value: `u${unique++}.${stamp}@drill.example.org` };
      if (handle(await person.caller.write('POST', path, body)))
        ledger.identifier(person.country, person.memberId, share?.value ?? null);
      ledger.did('identifier');
    } else if (roll < 0.7) {
      const identified = random() < 0.4;
      const body = { kind: 'suspect', platformId, aliases: [`drill-alias-${unique++}`], identified, role: 'unknown' };
      if (handle(await person.caller.write('POST', path, body))) ledger.suspect(person.country, identified);
      ledger.did('suspect');
    } else if (roll < 0.85) {
      const body = {
        kind: 'victim',
        platformId,
        nationality: pick(nationalities, random),
        exploitation: random() < 0.7 ? 'sexual' : 'labour',
      };
      if (handle(await person.caller.write('POST', path, body))) ledger.victim(person.country);
      ledger.did('victim');
    } else {
      const outcome = await person.caller.upload(
        `/api/operations/${operationId}/evidence`,
        { platformId, capturedAt: new Date().toISOString() },
        { name: `screenshot-${unique++}.png`, type: 'image/png', bytes: PNG },
      );
      if (handle(outcome)) ledger.evidence(person.country);
      ledger.did('evidence');
    }
  }

  async function investigate(person: Person): Promise<void> {
    // people do not all start in the same second
    await sleep(random() * human(60));
    while (!done()) {
      const platformId = board.take(random);
      if (!platformId) {
        if (board.working === 0) break;
        await sleep(Math.max(50, human(30)));
        continue;
      }
      const claim = await person.caller.write<Platform>('POST', `/api/platforms/${platformId}/claim`);
      ledger.did('claim');
      if (!claim.done) {
        ledger.refused(claim.code ?? `http ${claim.status}`);
        if (claim.code === 'platforms.claim_limit') board.putBack(platformId);
        await sleep(Math.max(50, human(20)));
        continue;
      }
      ledger.claimed();
      board.working += 1;
      try {
        let lastSign = Date.now();
        const actions = 1 + Math.floor(random() * 4);
        for (let a = 0; a < actions && !done(); a++) {
          await sleep(human(45 + random() * 195));
          if (Date.now() - lastSign > 60_000) {
            await person.caller.write('POST', `/api/platforms/${platformId}/heartbeat`);
            ledger.did('heartbeat');
          }
          await logOne(person, platformId);
          lastSign = Date.now();
        }
        if (random() < 0.08) {
          const n = unique++;
          const found = await person.caller.write<Platform>('POST', `/api/operations/${operationId}/platforms`, {
            name: `Discovered ${n}`,
            url: `https://found${n}.${stamp}.drill.example.org`,
            category: pick(categories, random),
            discovered: true,
          });
          ledger.did('discover');
          if (handle(found)) {
            ledger.discovered();
            if (found.body) board.putBack(found.body.id);
          }
        }
        if (random() < 0.15) {
          ledger.did('platform note');
          if (!(await writeNote(person.caller, { operationId, platformId }, `Checked by ${person.name}`)))
            ledger.refused('note not confirmed');
        }
        const verdictRoll = random();
        const verdict = verdictRoll < 0.6 ? 'no_indicators' : verdictRoll < 0.85 ? 'suspected' : 'confirmed';
        const followUp = verdict !== 'no_indicators' && random() < 0.5;
        const given = await person.caller.write('POST', `/api/platforms/${platformId}/verdict`, { verdict, followUp });
        ledger.did('verdict');
        if (given.done) ledger.checked(person.country, verdict, followUp);
        else {
          ledger.refused(given.code ?? `http ${given.status}`);
          // the claim went meanwhile (expired, taken over): the platform is back on the board, or someone else's
          const list = await person.caller.read<Platform[]>(`/api/operations/${operationId}/platforms`);
          const now = list.find((p) => p.id === platformId);
          if (now?.status === 'unchecked') {
            ledger.released();
            board.putBack(platformId);
          }
        }
      } finally {
        board.working -= 1;
      }
    }
  }

  async function analyse(person: Person): Promise<void> {
    while (!done() && (board.left > 0 || board.working > 0)) {
      await sleep(Math.max(100, human(120)));
      const list = await person.caller.read<Match[]>(`/api/operations/${operationId}/matches?status=open`);
      ledger.did('matches read');
      const match = list[0];
      if (match && random() < 0.5) {
        const resolved = await person.caller.write('POST', `/api/matches/${match.id}/resolution`, {
          status: 'confirmed',
          version: match.version,
          note: 'Same person: confirmed in the drill',
        });
        ledger.did('match confirmed');
        handle(resolved);
      }
    }
  }

  async function coordinate(): Promise<void> {
    let announced = 0;
    const total = Math.max(1, platformIds.length);
    while (!done() && (board.left > 0 || board.working > 0)) {
      await sleep(Math.max(200, human(300)));
      const checked = ledger.actions.get('verdict') ?? 0;
      if (checked / total >= (announced + 1) * 0.25) {
        announced += 1;
        const message = `${announced * 25}% of the platforms checked — keep going`;
        handle(await coordinatorCaller.write('POST', `/api/operations/${operationId}/announcements`, { message }));
        ledger.did('announcement');
        if (!(await writeNote(coordinatorCaller, { operationId }, message))) ledger.refused('note not confirmed');
        ledger.did('log note');
      }
    }
  }

  const progress = setInterval(() => {
    const findings = ['identifier', 'suspect', 'victim', 'evidence'].reduce(
      (n, k) => n + (ledger.actions.get(k) ?? 0),
      0,
    );
    const refused = [...ledger.refusals.values()].reduce((a, b) => a + b, 0);
    print(
      `  ${Math.round((Date.now() - started) / 1000)} s: ${ledger.actions.get('verdict') ?? 0} verdicts, ${board.working} platforms in work, ${board.left} waiting, ${findings} findings, ${ledger.matches} shared values seen twice, ${refused} refused`,
    );
  }, 5000);
  try {
    await Promise.all([
      ...people.filter((p) => p.role === 'investigator').map(investigate),
      ...people.filter((p) => p.role === 'analyst').map(analyse),
      coordinate(),
    ]);
  } finally {
    stopping = true;
    clearInterval(progress);
  }

  // the drill's count against the server's, live and (after closing) frozen
  const expected = ledger.expected(baseline);
  const live = await coordinatorCaller.read<Tally>(tallyPath);
  const differences = compareTallies(expected, live);
  let frozenDifferences: Difference[] | null = null;
  if (options.close) {
    for (const status of ['debrief', 'closed'] as const)
      await coordinatorCaller.write('POST', `/api/operations/${operationId}/status`, { status });
    const frozen = await coordinatorCaller.read<Tally>(tallyPath);
    frozenDifferences = compareTallies(expected, frozen);
  }
  const moves = people.reduce((n, p) => n + p.caller.moves, coordinatorCaller.moves);
  if (moves > 0) ledger.actions.set('moved to another process', moves);
  for (const person of people) {
    person.presence.close();
    person.caller.close();
  }
  coordinatorPresence.close();
  coordinatorCaller.close();
  setup.close();
  return {
    operationId,
    ledger,
    expected,
    live,
    differences,
    frozenDifferences,
    seconds: (Date.now() - started) / 1000,
  };
}
