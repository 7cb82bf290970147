import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';
import type { ClassifiedAction } from '../history/classify.js';
import type { HistoryStore } from '../history/history-store.js';
import type { FileSizeStore } from '../storage/file-sizes.js';
import type { JobContext } from './job-kind.js';
import type { JobRow } from './job-store.js';

/** A job's failure as one line: devpi's status and message, or why devpi could not be reached. */
export function errorText(error: unknown): string {
  if (error instanceof DevpiError) return error.status === 0 ? `devpi could not be reached: ${error.message}` : `${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a kind sees of one run of `job`: devpi as the job's creator (`devpi`, already authenticated
 * and bound to the run's signal), and `change`, which puts every devpi write in the history,
 * attributed to the job and its creator: the intent before devpi sees it, the outcome after.
 */
export function jobContext(
  deps: { history?: HistoryStore | undefined; replica: string; now: () => number; sizes?: FileSizeStore | undefined },
  job: Pick<JobRow, 'id' | 'creator'>,
  devpi: DevpiClient,
  signal: AbortSignal,
  logger: Logger,
): JobContext {
  const { history, replica, now } = deps;
  return {
    jobId: job.id,
    creator: job.creator,
    devpi,
    signal,
    logger,
    now,
    sizes: deps.sizes,
    change: async <T>(action: ClassifiedAction, run: () => Promise<T>): Promise<T> => {
      // Short enough for history ids (varchar 64 with the sequence); the job id has its own column.
      const requestId = `job-${randomUUID()}`;
      // No intent, no change: a store that cannot take it fails the item before devpi sees it.
      await history?.recordIntent({ requestId, at: new Date(now()), actor: job.creator, clientAddress: null, replica, source: 'dashboard', actions: [action], jobId: job.id });
      try {
        const result = await run();
        // devpi's serial after the change, so the history does not count it as made outside the dashboard.
        const serial = history === undefined ? null : await devpi.serial().catch(() => null);
        await history?.recordOutcome(requestId, { outcome: { state: 'ok', status: 200, message: null }, serial, at: new Date(now()) }).catch((error: unknown) => logger.error({ err: error }, 'history: outcome not recorded'));
        return result;
      } catch (error) {
        const outcome = error instanceof DevpiError && error.status > 0
          ? { state: 'failed' as const, status: error.status, message: error.message }
          : { state: 'unknown' as const, status: null, message: errorText(error) };
        await history?.recordOutcome(requestId, { outcome, serial: null, at: new Date(now()) }).catch((failure: unknown) => logger.error({ err: failure }, 'history: outcome not recorded'));
        throw error;
      }
    },
  };
}
