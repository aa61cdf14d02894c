import { resolve } from 'node:path';
import { z } from 'zod';
import { type CaptureConfig, isCidr } from './capture-config.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only')
    .default('actionday'),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  ACTIONDAY_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  PUBLIC_URL: z.url().optional(),
  ACTIONDAY_ADMIN_EMAIL: z.email().optional(),
  ACTIONDAY_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  ACTIONDAY_CAPTURE_ALLOW: z
    .string()
    .refine((list) => list.split(',').every((range) => isCidr(range.trim())), 'a comma-separated list of CIDR ranges')
    .optional(),
  ACTIONDAY_CAPTURE_PROXY: z
    .string()
    .regex(/^(socks5|socks4|http|https):\/\/[^\s]+$/, 'a proxy URL: socks5://host:port or http://host:port')
    .optional(),
  ACTIONDAY_CAPTURE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  ACTIONDAY_CAPTURE_TIMEOUT_S: z.coerce.number().int().min(1).max(600).default(60),
});

/** Validated configuration, read once at boot. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Several processes share sockets through Redis when set. */
  redisUrl: string | undefined;
  /** The name of the Redis stream and the prefix of the channels the processes share. */
  redisPrefix: string;
  /** Behind a TLS-terminating proxy: take client address and scheme from X-Forwarded-* headers. */
  trustProxy: boolean;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  publicUrl: string;
  admin: { email: string; password: string } | undefined;
  capture: CaptureConfig;
}

/** Thrown at boot for a bad environment; its message names every bad variable. */
export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if ((c.ACTIONDAY_ADMIN_EMAIL === undefined) !== (c.ACTIONDAY_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  ACTIONDAY_ADMIN_EMAIL and ACTIONDAY_ADMIN_PASSWORD must be set together',
    );
  }
  const shownHost = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    trustProxy: c.TRUST_PROXY === 'true' || c.TRUST_PROXY === '1',
    dataDir: resolve(c.ACTIONDAY_DATA_DIR),
    logLevel: c.LOG_LEVEL,
    publicUrl: (c.PUBLIC_URL ?? `http://${shownHost}:${c.PORT}`).replace(/\/$/, ''),
    admin:
      c.ACTIONDAY_ADMIN_EMAIL && c.ACTIONDAY_ADMIN_PASSWORD
        ? { email: c.ACTIONDAY_ADMIN_EMAIL.toLowerCase(), password: c.ACTIONDAY_ADMIN_PASSWORD }
        : undefined,
    capture: {
      allow: c.ACTIONDAY_CAPTURE_ALLOW ? c.ACTIONDAY_CAPTURE_ALLOW.split(',').map((range) => range.trim()) : [],
      proxy: c.ACTIONDAY_CAPTURE_PROXY,
      concurrency: c.ACTIONDAY_CAPTURE_CONCURRENCY,
      timeoutMs: c.ACTIONDAY_CAPTURE_TIMEOUT_S * 1000,
    },
  };
}
