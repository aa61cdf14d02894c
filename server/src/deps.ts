import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { EventBus } from './events/bus.js';

/** What every module gets from buildApp: infrastructure only, never another module. */
export interface Deps {
  db: Db;
  bus: EventBus;
  config: Pick<Config, 'publicUrl' | 'dataDir'>;
  /** Counts a sign-in attempt against the per-address and per-account limits (429 past them). */
  checkSignIn: (request: FastifyRequest, email: string) => Promise<void>;
  /**
   * When a person's sessions must end because their action days are over (null: no such end). The rule is
   * the operations module's; sessions (auth) apply it. Wired in app.ts, so neither module imports the other.
   */
  sessionAccess: (userId: string) => Promise<Date | null>;
  /** The current time; tests pass a fake clock. */
  now: () => Date;
}
