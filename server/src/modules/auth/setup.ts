import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { NewAccount } from '@actionday/shared';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { users } from './auth.table.js';
import { hashPassword } from './passwords.js';
import { assertStrongPassword } from './password-strength.js';
import { randomToken, sha256 } from './sessions.js';

/**
 * First-run setup. There is never a default password: with no user in the
 * database the first administrator comes from ACTIONDAY_ADMIN_EMAIL/PASSWORD,
 * or from a one-time setup link printed on the console.
 */
export class FirstRunSetup {
  private tokenHash: string | null = null;

  constructor(private readonly db: Db) {}

  /** Runs at boot: creates the configured admin, or prints a setup link when nobody exists yet. */
  async bootstrap(
    config: Pick<Config, 'admin' | 'publicUrl'>,
    log: FastifyBaseLogger,
    print: (line: string) => void,
  ): Promise<void> {
    if (await this.hasUsers()) return;
    if (config.admin) {
      await this.createAdmin({ userId: null, ip: null }, { name: 'Administrator', ...config.admin });
      log.info('first administrator created from ACTIONDAY_ADMIN_EMAIL');
      return;
    }
    const token = randomToken();
    this.tokenHash = sha256(token);
    print(
      `\n  No account exists yet. Create the first coordinator here (one-time link):\n  ${config.publicUrl}/setup?token=${token}\n`,
    );
    log.info('no user yet: a one-time setup link was printed on the console');
  }

  /** Whether the setup page should be offered. */
  async isOpen(): Promise<boolean> {
    return this.tokenHash !== null && !(await this.hasUsers());
  }

  /** Creates the first administrator with the printed token; works once. */
  async complete(actor: Actor, token: string, account: NewAccount): Promise<string> {
    if (!(await this.isOpen())) fail('auth.setup_not_available');
    if (sha256(token) !== this.tokenHash) fail('auth.setup_token_invalid');
    await assertStrongPassword(account.password, [account.email, account.name]);
    this.tokenHash = null;
    return this.createAdmin(actor, account);
  }

  private async hasUsers(): Promise<boolean> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return (row?.n ?? 0) > 0;
  }

  private async createAdmin(actor: Actor, account: NewAccount): Promise<string> {
    const passwordHash = await hashPassword(account.password);
    return this.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email.toLowerCase(), name: account.name, passwordHash, isAdmin: true })
        .returning({ id: users.id });
      if (!user) throw new Error('user insert returned no row');
      await recordAudit(
        tx,
        { ...actor, userId: user.id },
        { action: 'user.admin_created', targetType: 'user', targetId: user.id },
      );
      return user.id;
    });
  }
}
