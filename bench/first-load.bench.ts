// The dashboard as a browser meets it through nginx with the shipped config: cold first load of
// the signed-in landing page in a fresh Chromium context (cookie restored, empty cache), median of
// RUNS, next to a static page the same nginx serves (the floor no app can beat); then, on the
// 600,000-project mirror of browse.bench.ts, the first page of names after the BFF has been up
// WARM_S seconds, finding one name, and moving on to a project page.
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { loopbackVars, prepareNginxPrefix, startNginx } from '../e2e/support/nginx.js';
import { freePort, waitForHttp } from '../e2e/support/processes.js';
import { startReadyChild, stopChildren } from './support.js';
import { z } from 'zod';
import type { BenchRow } from './types.js';

const BENCH = 'first-load';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;
/** The "any time after the BFF has been up a minute". FIRST_LOAD_WARM_S=0 skips the wait. */
const WARM_S = Number(process.env.FIRST_LOAD_WARM_S ?? '60');
const MIRROR = 'bench/pypi';
const WANTED = 'pkg-599999';
/** devpi-admin's figures through the same nginx and devpi (issue 15). */
const PEER = { readyMs: 232, lcpMs: 236, requests: 12, jsKb: 100, firstNamesMs: 300, findMs: 200, navigateMs: 48 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A page as plain as a page gets: the floor under any app's first load through this nginx. */
const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><main><h1>Welcome, root</h1><p>${'A static page served by the same nginx. '.repeat(40)}</p></main></body></html>`;

/** Records when `ready()` first holds and the last LCP entry, before any of the page's scripts run. */
function instrument(readyCheck: string): string {
  return `(() => {
    const ready = () => { try { return ${readyCheck}; } catch { return false; } };
    window.__bench = { readyAt: 0, lcp: 0 };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
    const check = () => { if (!window.__bench.readyAt && ready()) window.__bench.readyAt = performance.now(); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

/** The landing page is ready when its heading and every figure on it are there (no "…" left). */
const LANDING_READY = `document.querySelector('h1')?.textContent.startsWith('Welcome') && document.querySelectorAll('.stat-value').length > 0 && ![...document.querySelectorAll('.stat-value')].some((e) => e.textContent === '…')`;
const FLOOR_READY = `document.querySelector('h1')?.textContent.startsWith('Welcome')`;

interface Instrumented { __bench: { readyAt: number; lcp: number } }

interface Load { readyMs: number; lcpMs: number; requests: number; jsKb: number; jsEncoding: string }

async function coldLoad(browser: Browser, url: string, readyCheck: string, cookie: { name: string; value: string; url: string } | undefined): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    if (cookie) await context.addCookies([cookie]);
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
    // What started before the screen was ready and painted still counts, however late it ends.
    const done = await Promise.all(requests);
    const scripts = done.filter((r) => r.script);
    return { readyMs: readyAt, lcpMs: lcp, requests: done.length, jsKb: scripts.reduce((sum, r) => sum + r.bytes, 0) / 1024, jsEncoding: [...new Set(scripts.map((r) => r.encoding))].join('+') || 'none' };
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function loadRows(label: string, runs: Load[], targets: boolean): BenchRow[] {
  const m = { readyMs: median(runs.map((r) => r.readyMs)), lcpMs: median(runs.map((r) => r.lcpMs)), requests: median(runs.map((r) => r.requests)), jsKb: median(runs.map((r) => r.jsKb)) };
  const row = (metric: string, value: number, unit: string, target?: number): BenchRow => ({
    bench: BENCH,
    metric: `${label}: ${metric}`,
    value,
    unit,
    ...(targets && target !== undefined ? { target: `<= ${target} ${unit}`.trim(), ok: value <= target } : {}),
  });
  return [
    row('ready (median of 5)', m.readyMs, 'ms', PEER.readyMs),
    row('LCP (median of 5)', m.lcpMs, 'ms', PEER.lcpMs),
    row('requests', m.requests, '', PEER.requests),
    row(`JS on the wire (as sent: ${runs[0]?.jsEncoding ?? 'none'})`, m.jsKb, 'KB', PEER.jsKb),
  ];
}

async function signIn(lb: string): Promise<{ name: string; value: string; url: string }> {
  const login = await fetch(`${lb}/+dashboard/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Devpi-Dashboard': '1', Origin: lb },
    body: JSON.stringify({ user: 'root', password: '' }),
  });
  const pair = login.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='))?.split(';')[0];
  if (login.status !== 200 || pair === undefined) throw new Error(`login through nginx failed: ${login.status}`);
  const [name = '', value = ''] = pair.split(/=(.*)/s);
  return { name, value, url: lb };
}

/** Milliseconds from `act` until `done` resolves, measured in the page's own clock. */
async function timed(page: Page, act: () => Promise<void>, done: () => Promise<void>): Promise<number> {
  const started = await page.evaluate(() => performance.now());
  await act();
  await done();
  return (await page.evaluate(() => performance.now())) - started;
}

export async function run(): Promise<BenchRow[]> {
  const children: ChildProcess[] = [];
  const prefix = await mkdtemp(join(tmpdir(), 'first-load-bench-'));
  let browser: Browser | undefined;
  try {
    // The built SPA plus the floor page, in a copy nginx serves from its assets location.
    const staticDir = join(prefix, 'web');
    await cp(join(root, 'apps/web/dist'), staticDir, { recursive: true });
    await writeFile(join(staticDir, 'assets', 'floor.html'), FLOOR_HTML);
    await writeFile(join(staticDir, 'assets', 'floor.html.gz'), gzipSync(FLOOR_HTML, { level: 9 }));

    const devpiUrl = await startReadyChild(children, root, ['--import', 'tsx', join(root, 'bench/browse.bench.ts'), 'serve-double'], {}, /double ready (http:\/\/\S+)/);
    const [bffPort, lbPort] = [await freePort(), await freePort()];
    const lb = `http://127.0.0.1:${lbPort}`;
    const bffEnv = { NODE_ENV: 'production', DEVPI_URL: devpiUrl, HOST: '127.0.0.1', PORT: String(bffPort), PUBLIC_URL: lb, TRUST_PROXY_HOPS: '1', STATIC_DIR: staticDir, SESSION_SECRET: 'first-load-bench-secret-first-load!!', LOG_LEVEL: 'info' };
    const bffStarted = Date.now();
    await startReadyChild(children, root, [join(root, 'apps/bff/dist/server.js')], bffEnv, /"url":"(http:\/\/[^"]+)"/);
    const devpiPort = new URL(devpiUrl).port;
    const nginx = startNginx(await prepareNginxPrefix(join(prefix, 'nginx'), loopbackVars(lbPort, Number(devpiPort), bffPort, staticDir)));
    children.push(nginx);
    await waitForHttp(`${lb}/+nginx-health`, nginx);
    const cookie = await signIn(lb);

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // One throwaway load each, so nginx, the BFF and devpi have their files and connections open.
    await coldLoad(browser, `${lb}/+dashboard/assets/floor.html`, FLOOR_READY, undefined);
    await coldLoad(browser, `${lb}/+dashboard/`, LANDING_READY, cookie);
    const floor: Load[] = [];
    const landing: Load[] = [];
    // Interleaved, so both see the same machine.
    for (let i = 0; i < RUNS; i += 1) {
      floor.push(await coldLoad(browser, `${lb}/+dashboard/assets/floor.html`, FLOOR_READY, undefined));
      landing.push(await coldLoad(browser, `${lb}/+dashboard/`, LANDING_READY, cookie));
    }
    const rows = [...loadRows('static page (floor)', floor, false), ...loadRows('signed-in landing page', landing, true)];
    for (const row of rows) console.error(`${BENCH}: ${row.metric} ${row.value.toFixed(1)} ${row.unit}`);
    rows.push(...(await browseRows(browser, lb, cookie, bffStarted)));
    return rows;
  } finally {
    await browser?.close();
    await stopChildren(children);
    await rm(prefix, { recursive: true, force: true });
  }
}

/** A row that says "did not finish" instead of taking the whole table down with it. */
function browseRow(metric: string, value: number | Error, target: number): BenchRow {
  if (value instanceof Error) console.error(`${BENCH}: ${metric}: ${value.message}`);
  const ms = value instanceof Error ? Number.NaN : value;
  return { bench: BENCH, metric, value: ms, unit: 'ms', target: `<= ${target} ms`, ok: ms <= target };
}

async function browseRows(browser: Browser, lb: string, cookie: { name: string; value: string; url: string }, bffStarted: number): Promise<BenchRow[]> {
  const metrics = { first: `mirror's first page of names, BFF up ${WARM_S} s`, find: `finding one name (${WANTED}) in 600,000`, navigate: 'navigation to a project page (after hover)' };
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const results: Record<keyof typeof metrics, number | Error> = { first: new Error('not reached'), find: new Error('not reached'), navigate: new Error('not reached') };
  try {

    await context.addCookies([cookie]);
    const page = await context.newPage();
    // The way a user goes: the index list, the mirror's own page, then its Packages tab.
    await page.goto(`${lb}/+dashboard/indexes`);
    await page.getByRole('link', { name: MIRROR, exact: true }).first().click();
    const packagesTab = page.getByRole('navigation', { name: `Index ${MIRROR}` }).getByRole('link', { name: 'Packages', exact: true });
    await packagesTab.waitFor();
    const waitMs = WARM_S * 1000 - (Date.now() - bffStarted);
    if (waitMs > 0) await sleep(waitMs);
    results.first = await timed(page, () => packagesTab.click(), () => page.getByRole('link', { name: 'pkg-000000', exact: true }).waitFor({ timeout: 180_000 }));
    const searchBox = page.getByRole('searchbox', { name: 'Search projects' });
    results.find = await timed(page, () => searchBox.fill(WANTED), () => page.locator('tbody tr').filter({ hasText: WANTED }).and(page.locator('tbody tr:only-child')).waitFor());
    const project = page.getByRole('link', { name: WANTED, exact: true });
    // A pointer reaches a link before it clicks it: hover, rest as a hand does (150 ms), then click.
    await project.hover();
    await sleep(150);
    results.navigate = await timed(page, () => project.click(), () => page.getByRole('heading', { level: 1, name: WANTED }).waitFor());
  } catch (error) {
    const failed = (Object.keys(results) as (keyof typeof metrics)[]).find((key) => results[key] instanceof Error);
    if (failed) results[failed] = error instanceof Error ? error : new Error(String(error));
  } finally {
    await context.close();
  }
  return [
    browseRow(metrics.first, results.first, PEER.firstNamesMs),
    browseRow(metrics.find, results.find, PEER.findMs),
    browseRow(metrics.navigate, results.navigate, PEER.navigateMs),
  ];
}

// Runnable on its own too: `npx tsx bench/first-load.bench.ts`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.metric.padEnd(58)} ${row.value.toFixed(1).padStart(8)} ${row.unit} ${row.target ?? ''} ${row.ok === false ? 'MISS' : ''}`);
}
