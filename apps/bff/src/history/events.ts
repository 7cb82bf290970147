import type { Request } from 'express';
import type { HistoryAction, HistoryOutcome } from '@devpi-dashboard/dashboard-api';
import type { HistoryStore } from './history-store.js';

/**
 * Records something the dashboard did itself (log in, log out) once its outcome is known. These
 * change no devpi state, so a store that is down only loses the line (logged), never the action:
 * refusing logins while the database is down would lock every operator out of a working devpi.
 */
export async function recordEvent(
  store: HistoryStore | undefined,
  req: Request,
  event: { action: HistoryAction; actor: string | null; user: string; outcome: HistoryOutcome; replica: string; now: number },
): Promise<void> {
  if (store === undefined) return;
  const requestId = String(req.id);
  const at = new Date(event.now);
  try {
    await store.recordIntent({
      requestId,
      at,
      actor: event.actor,
      clientAddress: req.ip ?? null,
      replica: event.replica,
      source: 'dashboard',
      actions: [{ action: event.action, target: { user: event.user }, changes: [] }],
    });
    await store.recordOutcome(requestId, { outcome: event.outcome, serial: null, at });
  } catch (error) {
    req.log.error({ err: error, action: event.action }, 'history: event not recorded');
  }
}
