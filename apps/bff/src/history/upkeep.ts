import type { Logger } from 'pino';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Config } from '../config.js';
import type { HistoryStore } from './history-store.js';
import { reconcileEntry } from './reconcile.js';

const DAY_MS = 86_400_000;
/** An intent younger than this may still be in flight (a large upload), so it is left alone. */
const SETTLE_AFTER_MS = 10 * 60_000;
const EVERY_MS = 60_000;

/** Housekeeping on every replica: settle "outcome unknown" where devpi can tell, apply retention. */
export function startHistoryUpkeep(deps: { store: HistoryStore; config: Config; logger: Logger; now: () => number }) {
  const devpi = new DevpiClient({ baseUrl: deps.config.devpiUrl, timeoutMs: deps.config.devpiTimeoutMs });
  let inFlight: Promise<void> | undefined;
  const run = async () => {
    try {
      for (const row of await deps.store.unresolved(new Date(deps.now() - SETTLE_AFTER_MS))) {
        // devpi unreachable: ask again next minute. An answer that settles nothing is final.
        const outcome = await reconcileEntry(devpi, row).then((found) => ({ found }), () => undefined);
        if (outcome !== undefined) await deps.store.resolve(row.id, outcome.found, new Date(deps.now()));
      }
      const days = deps.config.historyRetentionDays;
      if (days !== undefined) {
        const purged = await deps.store.purge(new Date(deps.now() - days * DAY_MS));
        if (purged > 0) deps.logger.info({ purged, days }, 'history: retention applied');
      }
    } catch (error) {
      deps.logger.warn({ err: error }, 'history: upkeep failed; retrying in a minute');
    }
  };
  /** One pass at a time; a call during a pass waits for that pass. */
  const tick = (): Promise<void> => (inFlight ??= run().finally(() => (inFlight = undefined)));
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
