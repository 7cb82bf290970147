// The dependency-confusion check of a stage with 1,000 private projects against a
// 600,000-project mirror, through the BFF, with every request the BFF makes to devpi counted: the
// check must read no full project list beyond the one the package store already holds.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { guardReportSchema, supplyApiPaths } from '@devpi-dashboard/dashboard-api';
import { startDevpiSim } from '@devpi-dashboard/devpi-sim';
import { startReadyChild, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..');
const BENCH = 'guard';
const MIRROR_PROJECTS = 600_000;
const PRIVATE_PROJECTS = 1_000;
/** Private projects that are named like a mirror project (each costs one simple-page read). */
const CLASHES = 100;
const DEVPI_LATENCY_MS = 10;
const MIRROR = 'bench/pypi';
const STAGE = 'bench/private';
const pkg = (i: number) => `pkg-${String(i).padStart(6, '0')}`;

/** The child: a double with a 600,000-name upstream, its mirror, and the private stage on top. */
async function serveDouble(): Promise<void> {
  const sim = await startDevpiSim({ latencyMs: DEVPI_LATENCY_MS });
  const admin = new DevpiClient({ baseUrl: sim.url });
  const rootClient = admin.withAuth('root', (await admin.login('root', '')).token);
  await rootClient.createUser('bench', { password: 'bench-pw' });
  await rootClient.createIndex('bench', 'upstream', { bases: [], acl_upload: ['bench'] });
  // Registering 600,000 names blocks the double for seconds: the indexes come after, on a fresh client.
  sim.bulkRegister('bench/upstream', Array.from({ length: MIRROR_PROJECTS }, (_, i) => pkg(i)));
  const fresh = new DevpiClient({ baseUrl: sim.url });
  const client = fresh.withAuth('root', (await fresh.login('root', '').catch(() => fresh.login('root', ''))).token);
  await client.createIndex('bench', 'pypi', { type: 'mirror', mirror_url: `${sim.url}/bench/upstream/+simple/` });
  await client.createIndex('bench', 'private', { bases: [MIRROR], acl_upload: ['bench'] });
  const clashing = Array.from({ length: CLASHES }, (_, i) => pkg(i * 5_000));
  const own = Array.from({ length: PRIVATE_PROJECTS - CLASHES }, (_, i) => `corp-internal-${String(i).padStart(4, '0')}`);
  sim.bulkRegister(STAGE, [...clashing, ...own]);
  const held = (await client.simpleIndex('bench', 'pypi')).projects.length;
  if (held !== MIRROR_PROJECTS) throw new Error(`the mirror holds ${held} names, not ${MIRROR_PROJECTS}`);
  console.log(`double ready ${sim.url}`);
}

/** A pass-through proxy in front of devpi that counts what the BFF asks. */
function countingProxy(target: string): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    paths.push(`${req.method ?? 'GET'} ${req.url ?? ''}`);
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, paths, server });
    });
  });
}

const children: ChildProcess[] = [];

async function check(bff: string): Promise<{ ms: number; findings: number; privateProjects: number }> {
  const started = performance.now();
  const res = await fetch(`${bff}${supplyApiPaths.guard}?index=${encodeURIComponent(STAGE)}`, { headers: { Accept: 'application/json', 'Cache-Control': 'no-cache' } });
  if (!res.ok) throw new Error(`guard answered ${res.status}`);
  const report = guardReportSchema.parse(await res.json());
  const ms = performance.now() - started;
  const ix = report.indexes.find((i) => i.index === STAGE);
  return { ms, findings: ix?.findings.length ?? 0, privateProjects: ix?.privateProjects ?? 0 };
}

export async function run(): Promise<BenchRow[]> {
  const server = join(root, 'apps/bff/dist/server.js');
  if (!existsSync(server)) throw new Error('apps/bff is not built: run `npm run build` first');
  let proxy: Server | undefined;
  try {
    const devpiUrl = await startReadyChild(children, root, ['--import', 'tsx', here, 'serve-double'], {}, /double ready (http:\/\/\S+)/);
    const counting = await countingProxy(devpiUrl);
    proxy = counting.server;
    const env = { DEVPI_URL: counting.url, PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'info', NODE_ENV: 'production' };
    const bff = await startReadyChild(children, root, [server], env, /"url":"(http:\/\/[^"]+)"/);
    // The started BFF loads every mirror's list at start; wait until that one download is held.
    const fullList = (p: string) => p === `GET /${MIRROR}/+simple/` || p.startsWith(`GET /${MIRROR}/+simple/?`);
    for (let i = 0; i < 600 && !counting.paths.some(fullList); i += 1) await new Promise((r) => setTimeout(r, 100));
    await fetch(`${bff}/+dashboard/api/packages/${MIRROR}/+projects?limit=1`);
    const before = counting.paths.length;
    const cold = await check(bff);
    const coldPaths = counting.paths.slice(before);
    const warmStart = counting.paths.length;
    const warm = await check(bff);
    const warmPaths = counting.paths.slice(warmStart);
    const downloads = [...coldPaths, ...warmPaths].filter(fullList).length;
    if (cold.privateProjects !== PRIVATE_PROJECTS || cold.findings !== CLASHES) throw new Error(`expected ${CLASHES} findings among ${PRIVATE_PROJECTS} private projects, got ${cold.findings} of ${cold.privateProjects}`);
    return [
      { bench: BENCH, metric: `check ${PRIVATE_PROJECTS} private vs ${MIRROR_PROJECTS} mirror names, first (${CLASHES} simple pages read)`, value: cold.ms, unit: 'ms', target: '<= 2000 ms', ok: cold.ms <= 2000 },
      { bench: BENCH, metric: 'same check again (per-name pages cached)', value: warm.ms, unit: 'ms', target: '<= 2000 ms', ok: warm.ms <= 2000 },
      { bench: BENCH, metric: 'full mirror list downloads during the checks', value: downloads, unit: 'requests', target: '0', ok: downloads === 0 },
      { bench: BENCH, metric: 'devpi requests, first check', value: coldPaths.length, unit: 'requests' },
      { bench: BENCH, metric: 'devpi requests, second check', value: warmPaths.length, unit: 'requests' },
    ];
  } finally {
    proxy?.closeAllConnections();
    proxy?.close();
    await stopChildren(children);
  }
}

if (process.argv[2] === 'serve-double') await serveDouble();
