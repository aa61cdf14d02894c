import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { StartupError } from './db/database.js';
import { seedDemo } from './demo/seed-demo.js';
import { simulateDemo } from './demo/simulate-demo.js';

/** The process entry point: read config, build, listen, shut down in order. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // every stored evidence file is hashed again soon after start, then every hour
  const app = await buildApp({ config, bootstrap: false, evidenceCheckMs: 60 * 60 * 1000 });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let stopDemo = () => {};
  if (process.argv.includes('--demo')) {
    const demo = await seedDemo(app.deps, { print });
    app.log.info({ operationId: demo.operationId }, 'demo operation ready');
    if (!process.argv.includes('--no-simulate')) {
      stopDemo = simulateDemo(app.deps, demo.operationId, app.log);
      print('  Demo investigators are at work (start with --demo --no-simulate for a still board).\n');
    }
  }
  await app.setup.bootstrap(config, app.log, print);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `\n  Actionday command centre: ${config.publicUrl}\n  Database: ${app.database.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL server'}\n\n`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: sockets, then HTTP, then the database');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    stopDemo();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`Actionday cannot start: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `Actionday failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
