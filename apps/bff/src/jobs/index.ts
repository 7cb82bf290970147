import type { Logger } from 'pino';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Config } from '../config.js';
import type { HistoryStore } from '../history/history-store.js';
import type { Store } from '../store/index.js';
import { FileSizeStore } from '../storage/file-sizes.js';
import { JobStore } from './job-store.js';
import { defaultRegistry } from './kinds/index.js';
import type { JobRegistry } from './registry.js';
import { JobRunner } from './runner.js';
import { JobTokenSealer } from './token-sealer.js';

export { JobStore } from './job-store.js';
export { JobRegistry } from './registry.js';
export { JobRunner } from './runner.js';
export { JobTokenSealer } from './token-sealer.js';
export type { JobKind, JobContext, Plan, PlannedItem, ItemResult } from './job-kind.js';

export interface JobRunnerOptions {
  config: Config;
  store: Store;
  history?: HistoryStore | undefined;
  logger: Logger;
  registry?: JobRegistry;
  now?: () => number;
  /** Overrides of config.jobs (tests shorten the lease and the poll). */
  pollMs?: number;
  leaseMs?: number;
}

/** The runner server.ts starts: this replica's share of the jobs, with config.jobs' limits. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { config } = options;
  const outsideHeaders: Record<string, string> = config.publicUrl === undefined ? {} : { 'X-outside-url': config.publicUrl };
  return new JobRunner({
    jobs: new JobStore(options.store),
    registry: options.registry ?? defaultRegistry({ store: options.store, sessionSecret: config.sessionSecret }),
    history: options.history,
    sealer: new JobTokenSealer(config.sessionSecret),
    devpi: new DevpiClient({ baseUrl: config.devpiUrl, headers: outsideHeaders, timeoutMs: config.devpiTimeoutMs }),
    replica: config.replicaId,
    concurrency: config.jobs.concurrency,
    leaseMs: options.leaseMs ?? config.jobs.leaseMs,
    pollMs: options.pollMs ?? Math.min(2_000, Math.max(200, Math.floor(config.jobs.leaseMs / 4))),
    itemDelayMs: config.jobs.itemDelayMs,
    logger: options.logger.child({ component: 'jobs' }),
    now: options.now ?? Date.now,
    sizes: new FileSizeStore(options.store),
  });
}
