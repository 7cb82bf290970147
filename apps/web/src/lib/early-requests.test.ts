import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboardApi, devpi } from './api-client';
import { BOOT_ANSWERS_ID } from '@devpi-dashboard/dashboard-api/constants';
import { EARLY_FOR_MS, bootAnswers, dropEarlyRequests, earlyHeaders, earlyUrls, startEarlyRequests, takeEarlyResponse } from './early-requests';

const answer = () => Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));

afterEach(() => {
  dropEarlyRequests();
  vi.unstubAllGlobals();
});

describe('early requests', () => {
  it('start the landing page data on the landing page, the layout data elsewhere, nothing on the login page', () => {
    expect(earlyUrls('/+dashboard/')).toEqual(expect.arrayContaining(['/+dashboard/api/session', '/+dashboard/api/indexes', '/+dashboard/api/devpi/+status']));
    expect(earlyUrls('/+dashboard')).toEqual(earlyUrls('/+dashboard/'));
    expect(earlyUrls('/+dashboard/indexes')).toEqual(['/+dashboard/api/session', '/+dashboard/api/config']);
    expect(earlyUrls('/+dashboard/login')).toEqual([]);
  });

  it("serve the landing page's own calls, so none of them goes out a second time", async () => {
    const early = vi.fn(answer);
    startEarlyRequests('/+dashboard/', early);
    const network = vi.fn(answer);
    vi.stubGlobal('fetch', network);
    // The answers here are not valid bodies; what counts is which fetch each call used.
    await Promise.allSettled([dashboardApi.session(), dashboardApi.config(), dashboardApi.indexes(), dashboardApi.users({ limit: 1 }), devpi.status()]);
    expect(early).toHaveBeenCalledTimes(earlyUrls('/+dashboard/').length);
    expect(network).not.toHaveBeenCalled();
  });

  it('hand an answer out once, to a plain GET with the same headers, within its time', () => {
    let now = 0;
    startEarlyRequests('/+dashboard/', answer, () => now);
    expect(takeEarlyResponse('/+dashboard/api/session', { headers: earlyHeaders() }, () => now)).toBeDefined();
    expect(takeEarlyResponse('/+dashboard/api/session', { headers: earlyHeaders() }, () => now)).toBeUndefined();
    expect(takeEarlyResponse('/+dashboard/api/config', { method: 'POST', headers: earlyHeaders() }, () => now)).toBeUndefined();
    expect(takeEarlyResponse('/+dashboard/api/indexes', { headers: { ...Object.fromEntries(earlyHeaders()), 'Cache-Control': 'no-cache' } }, () => now)).toBeUndefined();
    now = EARLY_FOR_MS + 1;
    expect(takeEarlyResponse('/+dashboard/api/devpi/+status', { headers: earlyHeaders() }, () => now)).toBeUndefined();
  });

  it("reject with the caller's reason when the caller cancels", async () => {
    startEarlyRequests('/+dashboard/', () => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    const taken = takeEarlyResponse('/+dashboard/api/session', { headers: earlyHeaders(), signal: controller.signal });
    controller.abort(new Error('replaced'));
    await expect(taken).rejects.toThrow('replaced');
  });

  it('take the answers a server-rendered page came with, and ask only for the rest', async () => {
    const early = vi.fn((_url: string | URL | Request) => answer());
    const served = [
      { url: '/+dashboard/api/session', status: 200, body: { user: 'alice' } },
      { url: '/+dashboard/api/devpi/+status', status: 502, body: { message: 'down' } },
    ];
    startEarlyRequests('/+dashboard/', early, undefined, served);
    expect(early.mock.calls.map(([url]) => url)).toEqual(earlyUrls('/+dashboard/').filter((url) => !served.some((s) => s.url === url)));
    const session = await takeEarlyResponse('/+dashboard/api/session', { headers: earlyHeaders() });
    expect(session?.status).toBe(200);
    expect(await session?.json()).toEqual({ user: 'alice' });
    // The devpi client asks with an absolute URL; the status answer is handed over as it was.
    const status = await takeEarlyResponse(new URL('/+dashboard/api/devpi/+status', window.location.href).href, { headers: earlyHeaders() });
    expect(status?.status).toBe(502);
    // Once each.
    expect(takeEarlyResponse('/+dashboard/api/session', { headers: earlyHeaders() })).toBeUndefined();
  });

  it('read the answers from the page, and none from a missing or broken element', () => {
    const doc = document.implementation.createHTMLDocument('t');
    expect(bootAnswers(doc)).toEqual([]);
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.id = BOOT_ANSWERS_ID;
    script.textContent = JSON.stringify([{ url: '/+dashboard/api/config', status: 200, body: { a: '</script>' } }, { url: 3 }]);
    doc.body.append(script);
    expect(bootAnswers(doc)).toEqual([{ url: '/+dashboard/api/config', status: 200, body: { a: '</script>' } }]);
    script.textContent = '{not json';
    expect(bootAnswers(doc)).toEqual([]);
  });
});
