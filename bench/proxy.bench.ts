// The BFF's devpi proxy against direct devpi access, measured side by side in one run:
//  1. throughput and latency (autocannon, 10 connections) of a small devpi JSON read, straight to
//     the devpi double (with devpi-like latency) and through the BFF with a logged-in session;
//  2. the BFF's memory growth (RSS of its own child process) while 500 MB stream up and down.
// The double and the BFF each run in their own process so neither colours the other's figures.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, openSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, rssMb, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = 'proxy';
/** devpi answers small JSON in about 10 ms at 10 connections (packages/devpi-ground-truth/devpi-6.19.1/API.md). */
const DEVPI_LATENCY_MS = 10;
const CONNECTIONS = 10;
const ROUND_S = 4;
const ROUNDS = 3;
const STREAM_BYTES = 500 * 1024 * 1024;
const MB = 1024 * 1024;
const UPLOAD_PATH = '/+dashboard/api/devpi/root/dev/';
const DOWNLOAD_PATH = '/+dashboard/api/devpi/root/dev/+f/big.whl';

const children: ChildProcess[] = [];

/**
 * Starts a node process whose stdout goes straight to a file: the kernel writes it, so a busy load
 * generator in this process can never slow the child down by draining its log late. Resolves once
 * `probe` answers 200.
 */
async function startChild(args: string[], env: NodeJS.ProcessEnv, baseUrl: string, probe: string): Promise<ChildProcess> {
  const log = openSync(join(tmpdir(), `proxy-bench-${children.length}.log`), 'w');
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, 'inherit'] });
  children.push(child);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}${probe}`, { headers: { Accept: 'application/json' } }).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${args.join(' ')} did not become ready`);
}

async function startDouble(): Promise<string> {
  const port = await freePort();
  const cli = join(root, 'packages/devpi-sim/dist/cli.js');
  const url = `http://127.0.0.1:${port}`;
  await startChild([cli, '--host', '127.0.0.1', '--port', String(port), '--latency-ms', String(DEVPI_LATENCY_MS)], {}, url, '/+api');
  return url;
}

/** The BFF as production runs it (dist build, info logging), against `devpiUrl`. */
async function startBff(devpiUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const server = join(root, 'apps/bff/dist/server.js');
  if (!existsSync(server)) throw new Error('apps/bff is not built: run `npm run build` first');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DEVPI_URL: devpiUrl, PORT: String(port), HOST: '127.0.0.1', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOG_LEVEL: 'info', NODE_ENV: 'production' };
  return { child: await startChild([server], env, url, '/healthz'), url };
}

async function login(bffUrl: string): Promise<string> {
  const res = await fetch(`${bffUrl}/+dashboard/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify({ user: 'root', password: '' }),
  });
  if (res.status !== 200) throw new Error(`login through the BFF failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, headers: Record<string, string>, durationS: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: durationS, headers });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Median of the rounds: one round disturbed by another process on the machine does not decide. */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function throughputRows(): Promise<BenchRow[]> {
  const devpiUrl = await startDouble();
  const bff = await startBff(devpiUrl);
  const cookie = await login(bff.url);
  const accept = { Accept: 'application/json' };
  const direct = `${devpiUrl}/root/pypi?no_projects=`;
  const proxied = `${bff.url}/+dashboard/api/devpi/root/pypi?no_projects=`;
  await load(direct, accept, 1);
  await load(proxied, { ...accept, Cookie: cookie }, 1);
  const directRuns: Load[] = [];
  const proxyRuns: Load[] = [];
  // Interleaved rounds, so drift in the machine's load hits both sides alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    directRuns.push(await load(direct, accept, ROUND_S));
    proxyRuns.push(await load(proxied, { ...accept, Cookie: cookie }, ROUND_S));
  }
  const pick = (runs: Load[], key: keyof Load) => median(runs.map((r) => r[key]));
  const d = { rps: pick(directRuns, 'rps'), p50: pick(directRuns, 'p50'), p99: pick(directRuns, 'p99') };
  const p = { rps: pick(proxyRuns, 'rps'), p50: pick(proxyRuns, 'p50'), p99: pick(proxyRuns, 'p99') };
  // Ratios and overheads are taken per round (each pair ran back to back), then the median.
  const paired = (f: (direct: Load, proxy: Load) => number) => median(directRuns.map((direct, i) => f(direct, proxyRuns[i] ?? direct)));
  const ratio = paired((direct, proxy) => proxy.rps / direct.rps);
  const p50Overhead = paired((direct, proxy) => proxy.p50 - direct.p50);
  const p99Overhead = paired((direct, proxy) => proxy.p99 - direct.p99);
  return [
    { bench: BENCH, metric: 'direct req/s', value: d.rps, unit: 'req/s' },
    { bench: BENCH, metric: 'via BFF req/s', value: p.rps, unit: 'req/s' },
    { bench: BENCH, metric: 'throughput ratio (BFF/direct)', value: ratio * 100, unit: '%', target: '>= 80 %', ok: ratio >= 0.8 },
    { bench: BENCH, metric: 'direct p50', value: d.p50, unit: 'ms' },
    { bench: BENCH, metric: 'via BFF p50', value: p.p50, unit: 'ms' },
    { bench: BENCH, metric: 'p50 overhead', value: p50Overhead, unit: 'ms', target: '<= 2 ms', ok: p50Overhead <= 2 },
    { bench: BENCH, metric: 'direct p99', value: d.p99, unit: 'ms' },
    { bench: BENCH, metric: 'via BFF p99', value: p.p99, unit: 'ms' },
    { bench: BENCH, metric: 'p99 overhead', value: p99Overhead, unit: 'ms' },
  ];
}

/** `size` bytes from one reused buffer: the load generator itself allocates nothing per chunk. */
function zeroes(size: number): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/**
 * A stand-in for devpi's file endpoints that streams without storing: the in-memory double would
 * keep 500 MB, and its memory is not what is measured here.
 */
async function startFileEndpoint() {
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      req.resume();
      req.on('end', () => res.end());
    } else {
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('bytes'));
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
      zeroes(size).pipe(res);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

function transfer(bffUrl: string, method: 'POST' | 'GET', path: string, bytes: number): Promise<number> {
  const url = new URL(`${bffUrl}${path}?bytes=${bytes}`);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' };
    // multipart, as every upload to devpi is: a mutation body of another type is read (to record it) and may not be that large
    if (method === 'POST') Object.assign(headers, { 'Content-Type': 'multipart/form-data; boundary=bench', 'Content-Length': String(bytes) });
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers }, (res: IncomingMessage) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(received) : reject(new Error(`${method} ${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    if (method === 'POST') zeroes(bytes).pipe(req);
    else req.end();
  });
}

/** Peak RSS growth of `pid` over `baseline` while `work` runs, sampled every 20 ms. */
async function peakGrowth(pid: number, baseline: number, work: Promise<unknown>): Promise<number> {
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMb(pid)) - baseline;
}

async function memoryRows(): Promise<BenchRow[]> {
  const files = await startFileEndpoint();
  const bff = await startBff(files.url);
  const pid = bff.child.pid;
  if (pid === undefined) throw new Error('BFF has no pid');
  // Growth is measured from the idle server (after a few small requests), the strict reading:
  // it includes the one-off cost of the first big transfer, not only what a warm server adds.
  for (let i = 0; i < 20; i += 1) await transfer(bff.url, 'GET', DOWNLOAD_PATH, 1024);
  const baseline = rssMb(pid);
  const started = Date.now();
  const up = await peakGrowth(pid, baseline, transfer(bff.url, 'POST', UPLOAD_PATH, STREAM_BYTES));
  const upS = (Date.now() - started) / 1000;
  const downStarted = Date.now();
  const down = await peakGrowth(pid, baseline, transfer(bff.url, 'GET', DOWNLOAD_PATH, STREAM_BYTES));
  const downS = (Date.now() - downStarted) / 1000;
  files.close();
  return [
    { bench: BENCH, metric: 'BFF RSS, idle', value: baseline, unit: 'MB' },
    { bench: BENCH, metric: 'RSS growth, 500 MB upload', value: up, unit: 'MB', target: '< 50 MB', ok: up < 50 },
    { bench: BENCH, metric: 'upload rate via BFF', value: STREAM_BYTES / MB / upS, unit: 'MB/s' },
    { bench: BENCH, metric: 'RSS growth, 500 MB download', value: down, unit: 'MB', target: '< 50 MB', ok: down < 50 },
    { bench: BENCH, metric: 'download rate via BFF', value: STREAM_BYTES / MB / downS, unit: 'MB/s' },
  ];
}

export async function run(): Promise<BenchRow[]> {
  try {
    return [...(await throughputRows()), ...(await memoryRows())];
  } finally {
    await stopChildren(children);
  }
}
