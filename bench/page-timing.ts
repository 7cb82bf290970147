// A page load and a user action as a browser times them, in the page's own clock: a cold load in a
// fresh context (ready signal, LCP, requests, JavaScript bytes, resource timeline), and the time
// from a click or typed text to the DOM change that shows its result. Used by first-load.bench.ts.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { z } from 'zod';

/** Records when `ready()` first holds and the last LCP entry, before any of the page's scripts run. */
function instrument(readyCheck: string): string {
  return `(() => {
    const ready = () => { try { return ${readyCheck}; } catch { return false; } };
    window.__bench = { readyAt: 0, lcp: 0, fcp: 0, lcps: [] };
    const describe = (el) => el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"' : '(removed)';
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__bench.lcp = e.startTime; window.__bench.lcps.push({ at: e.startTime, size: e.size, element: describe(e.element) }); } }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
    const check = () => { if (!window.__bench.readyAt && ready()) window.__bench.readyAt = performance.now(); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

interface Instrumented { __bench: { readyAt: number; lcp: number } }

/** One largest-contentful-paint entry: when, how large, and which element. */
const lcpEntry = z.object({ at: z.number(), size: z.number(), element: z.string() });

/** One resource of a load, in the page's clock (ms since navigation start). */
const timelineEntry = z.object({ name: z.string(), type: z.string(), startTime: z.number(), responseStart: z.number(), responseEnd: z.number(), transferSize: z.number() });
const timelineSchema = z.object({ domContentLoaded: z.number(), loadEnd: z.number(), fcp: z.number(), lcps: z.array(lcpEntry), resources: z.array(timelineEntry) });
type Timeline = z.infer<typeof timelineSchema>;

export interface Load { readyMs: number; lcpMs: number; requests: number; jsKb: number; jsEncoding: string; timeline: Timeline }

/** Puts a fresh context into the signed-in state before the page loads (a cookie, a stored token). */
export type SignIn = (context: BrowserContext) => Promise<void>;

export async function coldLoad(browser: Browser, url: string, readyCheck: string, signIn: SignIn | undefined): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    if (signIn) await signIn(context);
    await context.addInitScript(instrument(readyCheck));
    const page = await context.newPage();
    // Every request the page starts, settled when it finishes or fails.
    type Fetched = { script: boolean; bytes: number; encoding: string };
    const settled = new Map<Request, (fetched: Fetched) => void>();
    const requests: Promise<Fetched>[] = [];
    page.on('request', (request) => requests.push(new Promise((resolve) => settled.set(request, resolve))));
    page.on('requestfinished', (request) => {
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) =>
        settled.get(request)?.({ script: request.resourceType() === 'script', bytes: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] ?? 'identity' }),
      );
    });
    page.on('requestfailed', (request) => settled.get(request)?.({ script: false, bytes: 0, encoding: 'failed' }));
    await page.goto(url);
    // Functions, not strings: the dashboard's CSP forbids eval. The ready signal first, then a real
    // largest-contentful-paint entry, then two frames so the paint of the ready screen is reported.
    await page.waitForFunction(() => (globalThis as unknown as Instrumented).__bench.readyAt > 0, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as unknown as Instrumented).__bench.lcp > 0, undefined, { timeout: 30_000 });
    await page.evaluate(() => {
      const window = globalThis as unknown as { requestAnimationFrame: (callback: () => void) => number };
      return new Promise<void>((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve())));
    });
    const { readyAt, lcp } = z.object({ readyAt: z.number(), lcp: z.number() }).parse(await page.evaluate(() => (globalThis as unknown as Instrumented).__bench));
    const timeline = timelineSchema.parse(
      await page.evaluate(() => {
        const perf = (globalThis as unknown as { performance: { getEntriesByType: (type: string) => Record<string, unknown>[] } }).performance;
        const nav = perf.getEntriesByType('navigation')[0] ?? {};
        const bench = (globalThis as unknown as { __bench: { fcp: number; lcps: unknown[] } }).__bench;
        return {
          domContentLoaded: nav['domContentLoadedEventEnd'],
          loadEnd: nav['loadEventEnd'],
          fcp: bench.fcp,
          lcps: bench.lcps,
          resources: [
            { name: String(nav['name']), type: 'document', startTime: nav['startTime'], responseStart: nav['responseStart'], responseEnd: nav['responseEnd'], transferSize: nav['transferSize'] },
            ...perf.getEntriesByType('resource').map((e) => ({ name: String(e['name']), type: String(e['initiatorType']), startTime: e['startTime'], responseStart: e['responseStart'], responseEnd: e['responseEnd'], transferSize: e['transferSize'] })),
          ],
        };
      }),
    );
    // What started before the screen was ready and painted still counts, however late it ends.
    const done = await Promise.all(requests);
    const scripts = done.filter((r) => r.script);
    return { readyMs: readyAt, lcpMs: lcp, requests: done.length, jsKb: scripts.reduce((sum, r) => sum + r.bytes, 0) / 1024, jsEncoding: [...new Set(scripts.map((r) => r.encoding))].join('+') || 'none', timeline };
  } finally {
    await context.close();
  }
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** What the screen shows once an action has done its work. */
type Until = { kind: 'link'; text: string } | { kind: 'only-row'; text: string } | { kind: 'heading'; text: string };

interface Timed { __timed: { from: number; at: number } }

/**
 * Milliseconds from the user's event (the click, or the typed text's input event) until the DOM
 * first shows `until`, both in the page's own clock: a MutationObserver notes the first DOM
 * change after which it holds, as the landing's ready signal does. Waiting with a locator instead
 * would add Playwright's own round trips and its 20-100 ms polling steps to every figure.
 */
export async function timed(page: Page, until: Until, act: () => Promise<void>): Promise<number> {
  // No named function inside: tsx would wrap it in a helper the page does not have.
  await page.evaluate((wanted) => {
    const state = { from: 0, at: 0 };
    (globalThis as unknown as Timed).__timed = state;
    for (const type of ['click', 'input']) {
      document.addEventListener(type, (event) => {
        if (state.from === 0) state.from = event.timeStamp;
      }, { capture: true, once: true });
    }
    const observer = new MutationObserver(() => {
      if (state.from === 0) return;
      const rows = document.querySelectorAll('tbody tr');
      const holds = wanted.kind === 'link'
        ? Array.from(document.querySelectorAll('a')).some((a) => a.textContent?.trim() === wanted.text)
        : wanted.kind === 'heading'
          ? (document.querySelector('h1')?.textContent?.includes(wanted.text) ?? false)
          : rows.length === 1 && (rows[0]?.textContent?.includes(wanted.text) ?? false);
      if (!holds) return;
      state.at = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, until);
  await act();
  await page.waitForFunction(() => (globalThis as unknown as Timed).__timed.at > 0, undefined, { timeout: 180_000 });
  const { from, at } = await page.evaluate(() => (globalThis as unknown as Timed).__timed);
  return at - from;
}
