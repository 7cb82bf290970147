import { vi } from 'vitest';

export type Handler = (url: URL, init: RequestInit | undefined) => unknown;

/** What the fake BFF was asked, in order: `METHOD path?query`. */
export interface FakeBff {
  calls: string[];
  restore: () => void;
}

/**
 * Replaces `fetch` with a table of JSON answers keyed by `METHOD /path`, so the screens run through
 * the real api-client and schemas. Unknown routes answer 404 with the BFF's error body.
 */
export function fakeBff(routes: Record<string, Handler>): FakeBff {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://dashboard.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push(`${method} ${url.pathname}${url.search}`);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) {
      const error = { error: { code: 'not_found', message: `${url.pathname} does not exist.`, status: 404 } };
      return new Response(JSON.stringify(error), { status: 404, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response(JSON.stringify(handler(url, init)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, restore: () => vi.unstubAllGlobals() };
}
