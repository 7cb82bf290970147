import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardQueryOptions } from './guard';

describe('the guard after a change made here', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads plainly, then refetches with no-cache once invalidated', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers).get('Cache-Control'));
      return Response.json({ indexes: [], unavailableMirrors: [] });
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client.fetchQuery(guardQueryOptions());
    await client.invalidateQueries();
    await client.fetchQuery(guardQueryOptions());
    expect(sent).toEqual([null, 'no-cache']);
  });
});
