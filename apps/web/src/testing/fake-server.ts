import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { vi } from 'vitest';

/** One recorded request: method, path (with query) and the parsed JSON body, if any. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export interface Answer {
  status?: number;
  statusText?: string;
  body: unknown;
}

export type Route = (call: Call) => Answer | Promise<Answer>;

export interface FakeServer {
  calls: Call[];
  /** Calls other than GET: what the screen changed. */
  writes: () => Call[];
  restore: () => void;
}

export const ok = (body: unknown): Answer => ({ body });
/** devpi's success envelope. */
export const devpiOk = (type: string, result: unknown): Answer => ({ body: { type, result } });
/** devpi's error body, as the BFF's proxy passes it through. */
export const devpiError = (status: number, message: string): Answer => ({ status, body: { message } });

function parse(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/**
 * Stands in for the BFF at the fetch level: screens run through the real api-client, devpi client
 * and zod schemas. Routes are keyed `METHOD /path` (devpi paths under `/+dashboard/api/devpi`);
 * anything unknown answers 404 so a wrong URL fails the test loudly.
 */
export function fakeServer(routes: Record<string, Route>): FakeServer {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const call: Call = { method: (init?.method ?? 'GET').toUpperCase(), path: `${url.pathname}${url.search}`, body: parse(init?.body) };
      calls.push(call);
      const route = routes[`${call.method} ${url.pathname}`];
      const answer = route ? await route(call) : { status: 404, body: { error: { code: errorCodes.notFound, message: `no route ${url.pathname}`, status: 404 } } };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        statusText: answer.statusText ?? '',
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return { calls, writes: () => calls.filter((call) => call.method !== 'GET'), restore: () => vi.unstubAllGlobals() };
}
