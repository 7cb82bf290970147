import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const DEVPI_TOKEN_LIFETIME_S = 36_000;

const absoluteHttpUrl = z
  .url({ protocol: /^https?$/ })
  .transform((value) => value.replace(/\/+$/, ''));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DEVPI_URL: absoluteHttpUrl,
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: absoluteHttpUrl.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_MAX_AGE_S: z.coerce.number().int().min(60).max(DEVPI_TOKEN_LIFETIME_S).default(DEVPI_TOKEN_LIFETIME_S),
  SESSION_IDLE_S: z.coerce.number().int().min(60).default(900),
  COOKIE_SECURE: z.stringbool().optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DEVPI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // Below the shutdown timeout (9 s), so in-flight requests still have time after the drain.
  DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(8_000).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().min(1).optional(),
  SSR_ENTRY: z.string().min(1).optional(),
  // The embedded SQLite file lives here; ignored when DATABASE_URL is set.
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (unset for the embedded SQLite store)')
    .optional(),
  /** Days of history to keep; unset keeps everything. */
  HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Names this process in the history; a container's host name tells replicas apart. */
  REPLICA_ID: z.string().trim().min(1).max(200).optional(),
  /** Vulnerability scans also ask the OSV API; off by default (air-gapped installs use a dump). */
  OSV_ONLINE: z.stringbool().default(false),
  OSV_API_URL: absoluteHttpUrl.default('https://api.osv.dev'),
  /** Where an admin places OSV's PyPI/all.zip; DATA_DIR/PyPI/all.zip unless set. */
  OSV_DUMP_PATH: z.string().min(1).optional(),
  /** The largest OSV dump the dashboard accepts as an upload. */
  OSV_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(4096).default(512),
  /** devpi operations jobs keep in flight per replica: low, so devpi keeps answering pip. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** A job's lease; another replica takes over a dead one's job this long after its last heartbeat. */
  JOBS_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(20_000),
  /** Pause after each job item, per worker (more room for pip on a busy devpi). */
  JOBS_ITEM_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  devpiUrl: string;
  port: number;
  host: string;
  publicUrl: string | undefined;
  sessionSecret: string;
  /** True when SESSION_SECRET was not set and a per-process secret was generated. */
  sessionSecretGenerated: boolean;
  sessionMaxAgeS: number;
  sessionIdleS: number;
  cookieSecure: boolean;
  trustProxyHops: number;
  devpiTimeoutMs: number;
  /** How long to keep serving after SIGTERM, with /readyz failing, before closing the listener. */
  drainDelayMs: number;
  logLevel: string;
  staticDir: string;
  /** The SPA's server entry, which renders the signed-in landing page; absent, the browser renders it. */
  ssrEntry: string;
  /** Where the store lives: PostgreSQL when databaseUrl is set, else a SQLite file in dataDir. */
  store: { databaseUrl: string | undefined; dataDir: string };
  historyRetentionDays: number | undefined;
  replicaId: string;
  osv: { online: boolean; apiUrl: string; dumpPath: string; uploadMaxBytes: number };
  jobs: { concurrency: number; leaseMs: number; itemDelayMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once. Throws a ConfigError naming every bad key, so an operator fixes
 * them all in one go instead of one restart per key.
 */
export function loadConfig(env: NodeJS.ProcessEnv, defaultStaticDir: string): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  if (parsed.success && parsed.data.NODE_ENV === 'production' && !parsed.data.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required in production (>= 32 characters, same on every replica)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    devpiUrl: e.DEVPI_URL,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    sessionSecretGenerated: !e.SESSION_SECRET,
    sessionMaxAgeS: e.SESSION_MAX_AGE_S,
    sessionIdleS: e.SESSION_IDLE_S,
    cookieSecure: e.COOKIE_SECURE ?? e.PUBLIC_URL?.startsWith('https:') ?? false,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    devpiTimeoutMs: e.DEVPI_TIMEOUT_MS,
    // In production a load balancer needs a few seconds to notice /readyz; a developer's Ctrl-C does not.
    drainDelayMs: e.DRAIN_DELAY_MS ?? (e.NODE_ENV === 'production' ? 5_000 : 0),
    logLevel: e.LOG_LEVEL,
    // absolute, as sending a file needs (a relative STATIC_DIR is taken from where the BFF starts)
    staticDir: resolve(e.STATIC_DIR ?? defaultStaticDir),
    ssrEntry: resolve(e.SSR_ENTRY ?? join(e.STATIC_DIR ?? defaultStaticDir, '..', 'dist-server', 'entry-server.js')),
    store: { databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR },
    historyRetentionDays: e.HISTORY_RETENTION_DAYS,
    replicaId: e.REPLICA_ID ?? hostname(),
    osv: {
      online: e.OSV_ONLINE,
      apiUrl: e.OSV_API_URL,
      dumpPath: e.OSV_DUMP_PATH ?? join(e.DATA_DIR, 'PyPI', 'all.zip'),
      uploadMaxBytes: e.OSV_UPLOAD_MAX_MB * 1024 * 1024,
    },
    jobs: { concurrency: e.JOBS_CONCURRENCY, leaseMs: e.JOBS_LEASE_MS, itemDelayMs: e.JOBS_ITEM_DELAY_MS },
  };
}
