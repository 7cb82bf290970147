import type { Request } from 'express';
import { DevpiError } from '@devpi-dashboard/devpi-client';
import type { HistoryOutcome } from '@devpi-dashboard/dashboard-api';
import type { ClassifiedAction } from './classify.js';
import type { HistoryStore } from './history-store.js';
import { historyUnavailable } from './recorder.js';

export interface DashboardMutationDeps {
  history?: HistoryStore | undefined;
  replica?: string;
  now: () => number;
  /** Reads devpi's serial after the change, so the history does not count it as made outside the dashboard. */
  devpi?: { serial(): Promise<number> };
}

/** What a mutation the BFF makes itself (not through the proxy) did, for its history outcome. */
export interface MutationDone<T> {
  value: T;
  message: string;
  status: number;
  /** The actions as they turned out (say, with the id devpi chose); the intent's otherwise. */
  actions?: ClassifiedAction[];
}

function failure(error: unknown): HistoryOutcome {
  if (error instanceof DevpiError && error.kind === 'http') return { state: 'failed', status: error.status, message: error.message };
  if (error instanceof DevpiError && error.kind === 'network') return { state: 'failed', status: 502, message: 'devpi could not be reached' };
  return { state: 'unknown', status: null, message: 'devpi gave no answer the dashboard could read' };
}

/**
 * Records a mutation the dashboard's own API sends to devpi: the intent before devpi sees it (a store
 * that cannot take it refuses the mutation with 503, devpi untouched), the outcome once devpi answered.
 * The actions must never hold a secret; callers name what changed, not the credentials it produced.
 */
export async function recordedMutation<T>(deps: DashboardMutationDeps, req: Request, actions: ClassifiedAction[], run: () => Promise<MutationDone<T>>): Promise<T> {
  const store = deps.history;
  if (store === undefined) return (await run()).value;
  const requestId = String(req.id);
  try {
    await store.recordIntent({
      requestId,
      at: new Date(deps.now()),
      actor: req.devpiSession?.user ?? null,
      clientAddress: req.ip ?? null,
      replica: deps.replica ?? 'local',
      source: 'dashboard',
      actions,
    });
  } catch (error) {
    req.log.error({ err: error }, 'history: intent not recorded; mutation refused');
    throw historyUnavailable();
  }
  const outcome = async (result: HistoryOutcome, final?: ClassifiedAction[]) => {
    const serial = result.state === 'ok' && deps.devpi !== undefined ? await deps.devpi.serial().catch(() => null) : null;
    await store
      .recordOutcome(requestId, { outcome: result, serial, at: new Date(deps.now()), ...(final ? { actions: final } : {}) })
      .catch((error: unknown) => req.log.error({ err: error }, 'history: outcome not recorded; the entry stays "outcome unknown"'));
  };
  let done: MutationDone<T>;
  try {
    done = await run();
  } catch (error) {
    await outcome(failure(error));
    throw error;
  }
  await outcome({ state: 'ok', status: done.status, message: done.message }, done.actions);
  return done.value;
}
