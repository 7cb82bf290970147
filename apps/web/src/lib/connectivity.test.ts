import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { DevpiError } from '@devpi-dashboard/devpi-client';
import { MutationObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { createConnectivityStore, retryDelayMs, unreachable } from './connectivity';
import { createQueryClient } from './query-client';

const proxied = (status: number, body: unknown) => new DevpiError({ kind: 'http', status, method: 'GET', url: '/+dashboard/api/devpi/u/i', message: 'x', body });

describe('unreachable', () => {
  it('tells devpi being away from the dashboard server being away, and answers from outages', () => {
    expect(unreachable(new ApiError(502, errorCodes.devpiUnavailable, 'devpi cannot be reached right now.'))).toBe('devpi');
    expect(unreachable(proxied(504, { error: { code: errorCodes.devpiTimeout, message: 'slow', status: 504 } }))).toBe('devpi');
    // devpi's own 502 (a mirror whose upstream is down) passed through as JSON.
    expect(unreachable(proxied(502, { message: 'could not reach pypi.org' }))).toBe('devpi');
    expect(unreachable(new ApiError(0, errorCodes.network, 'The dashboard server could not be reached.'))).toBe('server');
    expect(unreachable(new DevpiError({ kind: 'network', status: 0, method: 'GET', url: '/x', message: 'devpi is unreachable: fetch failed' }))).toBe('server');
    expect(unreachable(new TypeError('Failed to fetch'))).toBe('server');
    expect(unreachable(proxied(502, '<html>502 Bad Gateway</html>'))).toBe('server');
    expect(unreachable(new ApiError(503, errorCodes.shuttingDown, 'This server is restarting.'))).toBe('server');
    for (const answer of [new ApiError(403, 'forbidden', 'no'), proxied(404, { message: 'no such project' }), new ApiError(500, errorCodes.internal, 'bug'), 'boom']) {
      expect(unreachable(answer)).toBeUndefined();
    }
  });

  it('backs off 1 s, 2 s, 4 s … and never waits more than 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});

describe('the connectivity store', () => {
  it('flags an outage only for data already on screen, keeps the oldest time, and clears on success', () => {
    const store = createConnectivityStore();
    const away = new ApiError(502, errorCodes.devpiUnavailable, 'away');
    store.failed(away, 0, false);
    expect(store.snapshot()).toBeUndefined();
    store.failed(new ApiError(403, 'forbidden', 'no'), 500, true);
    expect(store.snapshot()).toBeUndefined();
    store.failed(away, 2_000, true);
    store.failed(away, 1_000, true);
    store.failed(away, 3_000, true);
    expect(store.snapshot()).toEqual({ who: 'devpi', dataFrom: 1_000 });
    store.succeeded();
    expect(store.snapshot()).toBeUndefined();
  });
});

describe('the query client', () => {
  it('never retries a mutation, even when the server was unreachable', async () => {
    const client = createQueryClient(createConnectivityStore());
    const send = vi.fn(() => Promise.reject(new ApiError(0, errorCodes.network, 'unreachable')));
    const observer = new MutationObserver(client, { mutationFn: send });
    await expect(observer.mutate()).rejects.toMatchObject({ code: errorCodes.network });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
