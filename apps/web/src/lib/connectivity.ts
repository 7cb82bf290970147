import { errorCodes } from '@devpi-dashboard/dashboard-api/constants';
import { errorStatus } from './errors';

/** Who is not answering: devpi behind the dashboard server, or the dashboard server itself. */
export type Unreachable = 'devpi' | 'server';

const GATEWAY_STATUSES = new Set([0, 502, 503, 504]);
// This module is in the first chunk: the constants entry brings the codes without the schemas (zod).
const DEVPI_CODES = new Set<string>([errorCodes.devpiUnavailable, errorCodes.devpiTimeout]);

/** The BFF's `error.code`, from an ApiError or from the body a DevpiError kept. */
function errorCode(error: object): string | undefined {
  if ('code' in error && typeof error.code === 'string' && /^[a-z_]+$/.test(error.code)) return error.code;
  const body = 'body' in error ? error.body : undefined;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const inner = body.error;
  return typeof inner === 'object' && inner !== null && 'code' in inner && typeof inner.code === 'string' ? inner.code : undefined;
}

/**
 * Whether a failure is "someone is not answering" (worth waiting out and retrying) rather than an
 * answer. fetch's own TypeError and status 0 mean the dashboard server was not reached; the BFF's
 * 502/504 codes mean devpi was not; a gateway status with anything else (nginx's own 502 page,
 * the BFF's 503 while restarting) is the dashboard server too, unless devpi itself answered JSON.
 */
export function unreachable(error: unknown): Unreachable | undefined {
  if (error instanceof TypeError) return 'server';
  if (typeof error !== 'object' || error === null) return undefined;
  const status = errorStatus(error);
  if (status === undefined || !GATEWAY_STATUSES.has(status)) return undefined;
  if (status === 0) return 'server';
  const code = errorCode(error);
  if (code !== undefined && DEVPI_CODES.has(code)) return 'devpi';
  if (code === errorCodes.shuttingDown) return 'server';
  // A 5xx devpi sent itself (a mirror whose upstream is down) arrives through the proxy as JSON.
  const devpiAnswered = 'kind' in error && error.kind === 'http' && 'body' in error && typeof error.body === 'object' && error.body !== null;
  return devpiAnswered ? 'devpi' : 'server';
}

export const unreachableName: Record<Unreachable, string> = { devpi: 'devpi', server: 'The dashboard server' };

/** Delay before automatic retry number `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 30_000);
}

export interface Outage {
  who: Unreachable;
  /** When the data still on screen was fetched (the oldest, if several queries failed). */
  dataFrom: number;
}

/**
 * What the status banner shows: set when a background refetch of data already on screen fails
 * because someone is not answering, cleared by the next successful fetch. Fed by the QueryCache.
 */
export function createConnectivityStore() {
  let outage: Outage | undefined;
  const listeners = new Set<() => void>();
  const set = (next: Outage | undefined) => {
    if (next === outage) return;
    outage = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => outage,
    failed(error: unknown, dataUpdatedAt: number, hasData: boolean) {
      const who = unreachable(error);
      // A failed first load has nothing on screen to vouch for: its route error boundary speaks.
      if (who === undefined || !hasData) return;
      const dataFrom = outage ? Math.min(outage.dataFrom, dataUpdatedAt) : dataUpdatedAt;
      if (outage?.who !== who || outage.dataFrom !== dataFrom) set({ who, dataFrom });
    },
    succeeded: () => set(undefined),
  };
}

export type ConnectivityStore = ReturnType<typeof createConnectivityStore>;

/** The app's one store, wired to the app's one QueryCache in query-client.ts. */
export const connectivity = createConnectivityStore();
