/**
 * The command line of `pnpm drill`: who runs the day, how big it is and how fast it goes. Every number has
 * the 2022 day's size as its default (85 investigators of 20 countries, 114 platforms, two analysts).
 */
export interface DrillOptions {
  /** The running server, e.g. http://127.0.0.1:3000. */
  url: string;
  /** An administrator (to create the operation) or a coordinator of `operationId`. */
  email: string;
  password: string;
  /** Use this operation instead of creating one (its platforms are worked as they are). */
  operationId: string | null;
  investigators: number;
  countries: number;
  platforms: number;
  analysts: number;
  /** How many times faster than people: 10 turns a ten-minute platform into a minute. */
  speed: number;
  /** Stop working after this many real minutes (default: when every platform is checked). */
  minutes: number | null;
  /** Seed of the drill's choices, so that a day can be repeated. */
  seed: number;
  /** Close the operation at the end (default) and check the frozen figures too. */
  close: boolean;
}

export class UsageError extends Error {}

export const usage = `pnpm drill -- --url http://127.0.0.1:3000 [--email admin@… --password …] [--operation <id>]
  [--investigators 85] [--countries 20] [--platforms 114] [--analysts 2] [--speed 10] [--minutes 60]
  [--seed 1] [--no-close]
The administrator's e-mail and password may also come from ACTIONDAY_DRILL_EMAIL and ACTIONDAY_DRILL_PASSWORD
(or ACTIONDAY_ADMIN_EMAIL and ACTIONDAY_ADMIN_PASSWORD, as the server was started with).`;

export function readDrillOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): DrillOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
    const name = arg.slice(2);
    if (name === 'no-close' || name === 'help') {
      flags.add(name);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
    i++;
  }
  if (flags.has('help')) throw new UsageError('');
  const known = ['url', 'email', 'password', 'operation', 'investigators', 'countries', 'platforms', 'analysts'];
  for (const name of values.keys())
    if (![...known, 'speed', 'minutes', 'seed'].includes(name)) throw new UsageError(`unknown option --${name}`);
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be a whole number ${min}–${max}`);
    return n;
  };
  const url = values.get('url') ?? env.ACTIONDAY_DRILL_URL;
  if (!url || !/^https?:\/\//.test(url)) throw new UsageError('--url http(s)://… of the running server is required');
  const email = values.get('email') ?? env.ACTIONDAY_DRILL_EMAIL ?? env.ACTIONDAY_ADMIN_EMAIL;
  const password = values.get('password') ?? env.ACTIONDAY_DRILL_PASSWORD ?? env.ACTIONDAY_ADMIN_PASSWORD;
  if (!email || !password) throw new UsageError('an administrator or coordinator: --email and --password');
  const speed = Number(values.get('speed') ?? '10');
  if (!(speed >= 0.1 && speed <= 100_000)) throw new UsageError('--speed must be between 0.1 and 100000');
  const minutes = values.has('minutes') ? Number(values.get('minutes')) : null;
  if (minutes !== null && !(minutes > 0 && minutes <= 24 * 60)) throw new UsageError('--minutes must be 0–1440');
  return {
    url: url.replace(/\/$/, ''),
    email,
    password,
    operationId: values.get('operation') ?? null,
    investigators: int('investigators', 85, 1, 2000),
    countries: int('countries', 20, 1, 20),
    platforms: int('platforms', 114, 1, 20_000),
    analysts: int('analysts', 2, 0, 100),
    speed,
    minutes,
    seed: int('seed', 1, 0, 2 ** 31 - 1),
    close: !flags.has('no-close'),
  };
}
