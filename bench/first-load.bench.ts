// The dashboard as a browser meets it through nginx with the shipped config: cold first load of
// the signed-in landing page in a fresh Chromium context (cookie restored, empty cache), median of
// RUNS, next to a static page the same nginx serves (the floor no app can beat); then, on the
// 600,000-project mirror of browse.bench.ts, the first page of names after the BFF has been up
// WARM_S seconds, finding one name, and moving on to a project page.
//
// DEVPI_URL / DEVPI_ROOT_PASSWORD point it at a real devpi-server instead of the double (the mirror
// rows need the double's 600,000-project mirror and are left out then). FIRST_LOAD_PEER_PATH (with
// DEVPI_URL) adds a peer UI that devpi itself serves, e.g. devpi-admin's /+admin/, loaded through the
// same nginx, interleaved with the other two and signed in its way; its rows carry no target.
// FIRST_LOAD_TIMELINE=1 prints, for the last cold load of each page, when every resource started and
// ended next to DOMContentLoaded, ready and LCP.
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { loopbackVars, prepareNginxPrefix, startNginx } from '../e2e/support/nginx.js';
import { freePort, waitForHttp } from '../e2e/support/processes.js';
import { coldLoad, median, timed, type Load, type SignIn } from './page-timing.js';
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
/** A peer UI served by devpi itself under this path (e.g. /+admin/), measured beside ours. */
const PEER_PATH = process.env.FIRST_LOAD_PEER_PATH;
/**
 * The peer's landing is ready when this selector matches. The default is devpi-admin's signed-in
 * landing (its Status view): the cards appear together, once /+api, /+status and its replica
 * poll have answered.
 */
const PEER_READY_SELECTOR = process.env.FIRST_LOAD_PEER_READY ?? '#content .status-grid .status-card';
const TIMELINE = process.env.FIRST_LOAD_TIMELINE === '1';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A page as plain as a page gets: the floor under any app's first load through this nginx. */
const FLOOR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><main><h1>Welcome, root</h1><p>${'A static page served by the same nginx. '.repeat(40)}</p></main></body></html>`;


/** The landing page is ready when its heading and every figure on it are there (no "…" left). */
const LANDING_READY = `document.querySelector('h1')?.textContent.startsWith('Welcome') && document.querySelectorAll('.stat-value').length > 0 && ![...document.querySelectorAll('.stat-value')].some((e) => e.textContent === '…')`;
const FLOOR_READY = `document.querySelector('h1')?.textContent.startsWith('Welcome')`;



/** Where one cold load spent its time: each resource's start, first byte and end, then the page's milestones. */
function printTimeline(label: string, load: Load, origin: string): void {
  const { resources, domContentLoaded, loadEnd, fcp, lcps } = load.timeline;
  const ms = (value: number): string => value.toFixed(0).padStart(6);
  console.error(`${BENCH}: timeline of one cold load, ${label} (ms since navigation start)`);
  for (const r of [...resources].sort((a, b) => a.startTime - b.startTime)) {
    const name = r.name.startsWith(origin) ? r.name.slice(origin.length) : r.name;
    console.error(`  ${ms(r.startTime)} -> ${ms(r.responseStart)} -> ${ms(r.responseEnd)}  ${r.type.padEnd(14)} ${(r.transferSize / 1024).toFixed(1).padStart(6)} KB  ${name}`);
  }
  for (const e of lcps) console.error(`  ${ms(e.at)}  LCP candidate ${String(e.size).padStart(7)} px²  ${e.element}`);
  console.error(`  DOMContentLoaded ${ms(domContentLoaded)}   FCP ${ms(fcp)}   ready ${ms(load.readyMs)}   LCP ${ms(load.lcpMs)}   load ${ms(loadEnd)}`);
}

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

async function signIn(lb: string, password: string): Promise<{ name: string; value: string; url: string }> {
  const login = await fetch(`${lb}/+dashboard/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Devpi-Dashboard': '1', Origin: lb },
    body: JSON.stringify({ user: 'root', password }),
  });
  const pair = login.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='))?.split(';')[0];
  if (login.status !== 200 || pair === undefined) throw new Error(`login through nginx failed: ${login.status}`);
  const [name = '', value = ''] = pair.split(/=(.*)/s);
  return { name, value, url: lb };
}

/**
 * The peer's sign-in as its own login leaves it: devpi's login token from POST /+login (through
 * nginx), kept in sessionStorage under `devpi-user` / `devpi-token` (devpi-admin's keys; it sends
 * them back as X-Devpi-Auth). Written before any of the page's scripts run, on the peer's origin.
 */
async function peerSignIn(lb: string, password: string): Promise<SignIn> {
  const login = await fetch(`${lb}/+login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user: 'root', password }),
  });
  if (login.status !== 200) throw new Error(`devpi login through nginx failed: ${login.status}`);
  const token = z.object({ result: z.object({ password: z.string() }) }).parse(await login.json()).result.password;
  const script = `if (location.origin === ${JSON.stringify(lb)}) { sessionStorage.setItem('devpi-user', 'root'); sessionStorage.setItem('devpi-token', ${JSON.stringify(token)}); }`;
  return async (context) => {
    await context.addInitScript(script);
  };
}

/** devpi from DEVPI_URL / DEVPI_ROOT_PASSWORD, or else the double with the 600,000-project mirror. */
async function startDevpi(children: ChildProcess[]): Promise<{ url: string; rootPassword: string; simulated: boolean }> {
  const url = process.env.DEVPI_URL?.replace(/\/+$/, '');
  if (url) return { url, rootPassword: process.env.DEVPI_ROOT_PASSWORD ?? '', simulated: false };
  if (PEER_PATH) throw new Error('FIRST_LOAD_PEER_PATH needs DEVPI_URL: the peer is served by a real devpi-server with its plugin, not by the double');
  const double = await startReadyChild(children, root, ['--import', 'tsx', join(root, 'bench/browse.bench.ts'), 'serve-double'], {}, /double ready (http:\/\/\S+)/);
  return { url: double, rootPassword: '', simulated: true };
}


export async function run(): Promise<BenchRow[]> {
  const children: ChildProcess[] = [];
  const prefix = await mkdtemp(join(tmpdir(), 'first-load-bench-'));
  let browser: Browser | undefined;
  try {
    // The built SPA plus the floor page, in a copy nginx serves from its assets location.
    const staticDir = join(prefix, 'web');
    await cp(join(root, 'apps/web/dist'), staticDir, { recursive: true });
    // The SPA's server entry beside it, where the BFF looks by default (it renders the landing page).
    await cp(join(root, 'apps/web/dist-server'), join(prefix, 'dist-server'), { recursive: true });
    await writeFile(join(staticDir, 'assets', 'floor.html'), FLOOR_HTML);
    await writeFile(join(staticDir, 'assets', 'floor.html.gz'), gzipSync(FLOOR_HTML, { level: 9 }));

    const devpi = await startDevpi(children);
    const devpiUrl = devpi.url;
    const [bffPort, lbPort] = [await freePort(), await freePort()];
    const lb = `http://127.0.0.1:${lbPort}`;
    const bffEnv = { NODE_ENV: 'production', DEVPI_URL: devpiUrl, HOST: '127.0.0.1', PORT: String(bffPort), PUBLIC_URL: lb, TRUST_PROXY_HOPS: '1', STATIC_DIR: staticDir, SESSION_SECRET: 'first-load-bench-secret-first-load!!', LOG_LEVEL: 'info' };
    const bffStarted = Date.now();
    await startReadyChild(children, root, [join(root, 'apps/bff/dist/server.js')], bffEnv, /"url":"(http:\/\/[^"]+)"/);
    const devpiPort = new URL(devpiUrl).port;
    const nginx = startNginx(await prepareNginxPrefix(join(prefix, 'nginx'), loopbackVars(lbPort, Number(devpiPort), bffPort, staticDir)));
    children.push(nginx);
    await waitForHttp(`${lb}/+nginx-health`, nginx);
    const cookie = await signIn(lb, devpi.rootPassword);
    const withCookie: SignIn = (context) => context.addCookies([cookie]);
    const peerUrl = PEER_PATH === undefined ? undefined : new URL(PEER_PATH, lb).href;
    const peerReady = `document.querySelector(${JSON.stringify(PEER_READY_SELECTOR)}) !== null`;
    const withPeerToken = peerUrl === undefined ? undefined : await peerSignIn(lb, devpi.rootPassword);

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // One throwaway load each, so nginx, the BFF and devpi have their files and connections open.
    await coldLoad(browser, `${lb}/+dashboard/assets/floor.html`, FLOOR_READY, undefined);
    await coldLoad(browser, `${lb}/+dashboard/`, LANDING_READY, withCookie);
    if (peerUrl) await coldLoad(browser, peerUrl, peerReady, withPeerToken);
    const floor: Load[] = [];
    const landing: Load[] = [];
    const peer: Load[] = [];
    // Interleaved, so all of them see the same machine.
    for (let i = 0; i < RUNS; i += 1) {
      floor.push(await coldLoad(browser, `${lb}/+dashboard/assets/floor.html`, FLOOR_READY, undefined));
      landing.push(await coldLoad(browser, `${lb}/+dashboard/`, LANDING_READY, withCookie));
      if (peerUrl) peer.push(await coldLoad(browser, peerUrl, peerReady, withPeerToken));
    }
    const rows = [...loadRows('static page (floor)', floor, false), ...loadRows('signed-in landing page', landing, true)];
    if (PEER_PATH) rows.push(...loadRows(`peer ${PEER_PATH}, signed in`, peer, false));
    for (const row of rows) console.error(`${BENCH}: ${row.metric} ${row.value.toFixed(1)} ${row.unit}`);
    if (TIMELINE) {
      const last = [['static page (floor)', floor.at(-1)], ['signed-in landing page', landing.at(-1)], [`peer ${PEER_PATH ?? ''}`, peer.at(-1)]] as const;
      for (const [label, load] of last) if (load) printTimeline(label, load, lb);
      for (const [label, runs] of [['static page (floor)', floor], ['signed-in landing page', landing], [`peer ${PEER_PATH ?? ''}`, peer]] as const) {
        if (runs.length > 0) console.error(`${BENCH}: every run, ${label}: ready ${runs.map((r) => r.readyMs.toFixed(0)).join(' ')}; LCP ${runs.map((r) => r.lcpMs.toFixed(0)).join(' ')}`);
      }
    }
    if (devpi.simulated) rows.push(...(await browseRows(browser, lb, cookie, bffStarted)));
    else console.error(`${BENCH}: the mirror rows are left out: they need the double's 600,000-project mirror (${MIRROR}), and DEVPI_URL points at another devpi`);
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
    results.first = await timed(page, { kind: 'link', text: 'pkg-000000' }, () => packagesTab.click());
    const searchBox = page.getByRole('searchbox', { name: 'Search projects' });
    results.find = await timed(page, { kind: 'only-row', text: WANTED }, () => searchBox.fill(WANTED));
    const project = page.getByRole('link', { name: WANTED, exact: true });
    // A pointer reaches a link before it clicks it: hover, rest as a hand does (150 ms), then click.
    await project.hover();
    await sleep(150);
    results.navigate = await timed(page, { kind: 'heading', text: WANTED }, () => project.click());
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
