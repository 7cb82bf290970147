// Package browsing on a root/pypi-sized mirror: bytes and time to the first page of the index
// view and to a search result through the BFF, next to what devpi itself would send. The double
// holds 600,000 projects in a stage and mirrors that stage over HTTP, as a mirror of pypi.org
// would; it runs in its own process (this file, started with `serve-double`), the BFF in another.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { startDevpiSim } from '@devpi-dashboard/devpi-sim';
import { startReadyChild, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..');
const BENCH = 'browse';
const PROJECTS = 600_000;
/** Per-request latency of the double, as devpi answers small reads (API.md: p50 about 10 ms). */
const DEVPI_LATENCY_MS = 10;
const MIRROR = 'bench/pypi';
const PAGE = 50;
const KB = 1024;

/** The child: a double with a 600,000-project stage and a mirror of it, then its URL on stdout. */
async function serveDouble(): Promise<void> {
  const sim = await startDevpiSim({ latencyMs: DEVPI_LATENCY_MS });
  const admin = new DevpiClient({ baseUrl: sim.url });
  const rootClient = admin.withAuth('root', (await admin.login('root', '')).token);
  await rootClient.createUser('bench', { password: 'bench-pw' });
  await rootClient.createIndex('bench', 'upstream', { bases: [], acl_upload: ['bench'] });
  sim.bulkRegister('bench/upstream', Array.from({ length: PROJECTS }, (_, i) => `pkg-${String(i).padStart(6, '0')}`));
  // Registering 600,000 names blocks this process for seconds, long enough for the double's
  // keep-alive timer to close the client's idle socket; let that close land before the next call.
  await sleep(200);
  // The mirror after its upstream has the names: devpi reads a new mirror's list at once and keeps
  // it for mirror_cache_expiry, so a mirror made first would stay empty for the whole run.
  await rootClient.createIndex('bench', 'pypi', { type: 'mirror', mirror_url: `${sim.url}/bench/upstream/+simple/` });
  await rootClient.createIndex('bench', 'dev', { bases: [MIRROR], acl_upload: ['bench'] });
  console.log(`double ready ${sim.url}`);
}

const children: ChildProcess[] = [];
const startChild = (args: string[], env: NodeJS.ProcessEnv, ready: RegExp) => startReadyChild(children, root, args, env, ready);

interface Sample { ms: number; bytes: number }

async function timed(url: string, accept = 'application/json'): Promise<Sample> {
  const started = performance.now();
  // As the SPA asks: devpi's current serial is checked on every list request.
  const res = await fetch(url, { headers: { Accept: accept, 'Cache-Control': 'no-cache' } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return { ms, bytes: body.byteLength };
}

async function median(url: string, runs = 5): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await timed(url));
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)] as Sample;
}

const rows = (metric: string, s: Sample, targets: { kb?: number; ms?: number } = {}): BenchRow[] => [
  { bench: BENCH, metric: `${metric}: bytes`, value: s.bytes / KB, unit: 'KB', ...(targets.kb ? { target: `< ${targets.kb} KB`, ok: s.bytes / KB < targets.kb } : {}) },
  { bench: BENCH, metric: `${metric}: time`, value: s.ms, unit: 'ms', ...(targets.ms ? { target: `< ${targets.ms} ms`, ok: s.ms < targets.ms } : {}) },
];

export async function run(): Promise<BenchRow[]> {
  const server = join(root, 'apps/bff/dist/server.js');
  if (!existsSync(server)) throw new Error('apps/bff is not built: run `npm run build` first');
  try {
    const devpiUrl = await startChild(['--import', 'tsx', here, 'serve-double'], {}, /double ready (http:\/\/\S+)/);
    const env = { DEVPI_URL: devpiUrl, PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'info', NODE_ENV: 'production' };
    const bffUrl = await startChild([server], env, /"url":"(http:\/\/[^"]+)"/);
    const api = `${bffUrl}/+dashboard/api/packages`;
    const out: BenchRow[] = [];
    // What a browser would get without the BFF: devpi's whole list.
    out.push(...rows('devpi full project list (PEP 691, what the BFF reads once)', await timed(`${devpiUrl}/${MIRROR}/+simple/`, 'application/vnd.pypi.simple.v1+json')));
    out.push(...rows('index view header (overview)', await timed(`${api}/${MIRROR}`), { kb: 200, ms: 500 }));
    out.push(...rows('index view first page, cold (BFF reads the list)', await timed(`${api}/${MIRROR}/+projects?limit=${PAGE}`), { kb: 200 }));
    out.push(...rows('index view first page, cached', await median(`${api}/${MIRROR}/+projects?limit=${PAGE}`), { kb: 200, ms: 500 }));
    out.push(...rows('index search "pkg-59999", first', await timed(`${api}/${MIRROR}/+projects?limit=${PAGE}&q=pkg-59999`), { kb: 200, ms: 500 }));
    out.push(...rows('index search, next page', await median(`${api}/${MIRROR}/+projects?limit=${PAGE}&q=pkg-59999&offset=${PAGE}`), { kb: 200, ms: 500 }));
    out.push(...rows('stage with the mirror as base, first page with bases', await timed(`${api}/bench/dev/+projects?limit=${PAGE}&scope=all`), { kb: 200 }));
    // The first search reads every index's list it has not read yet (here the 600,000-name stage).
    out.push(...rows('search all indexes by name, cold (BFF reads the lists)', await timed(`${api}/+search?q=pkg-12345&limit=${PAGE}`), { kb: 200 }));
    // A query never asked before: a scan of every cached list, nothing remembered from earlier.
    out.push(...rows('search all indexes by name, new query', await timed(`${api}/+search?q=pkg-4242&limit=${PAGE}`), { kb: 200, ms: 500 }));
    out.push(...rows('search all indexes by name, next page', await median(`${api}/+search?q=pkg-4242&limit=${PAGE}&offset=${PAGE}`), { kb: 200, ms: 500 }));
    return out;
  } finally {
    await stopChildren(children);
  }
}

if (process.argv[2] === 'serve-double') await serveDouble();
