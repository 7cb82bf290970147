// Load at increasing concurrency through the deployment's front door, measured side by side in one
// run: nginx (the project's own template, rendered as the e2e topology does) straight to devpi,
// and nginx to the BFF's proxy to devpi, for the same small devpi JSON read. Reports, per level,
// req/s and p50/p99 of both paths, the highest concurrency each held with zero errors, and the
// BFF's memory. LOAD_BENCH_SIZE=ci runs a short version.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loopbackVars, prepareNginxPrefix, startNginx } from '../e2e/support/nginx.js';
import { repoRoot } from '../e2e/support/paths.js';
import { freePort, waitForHttp } from '../e2e/support/processes.js';
import { rssMb, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const BENCH = 'load';
const CI_SIZE = process.env.LOAD_BENCH_SIZE === 'ci';
const LEVELS = CI_SIZE ? [1, 10, 50] : [1, 10, 50, 100, 200, 400];
const SECONDS = CI_SIZE ? 2 : 5;
/** devpi answers small JSON in about 10 ms (packages/devpi-ground-truth/devpi-6.19.1/API.md); the double is given the same cost. */
const DEVPI_LATENCY_MS = 10;
const PATH = '/root/pypi?no_projects=';

interface Level {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

/** A child whose output goes to a file, so this busy process never slows it by reading its logs late. */
function child(script: string, args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const out = openSync(join(tmpdir(), `load-bench-${name}.log`), 'w');
  return spawn(process.execPath, [script, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
}

async function measure(url: string, headers: Record<string, string>, connections: number): Promise<Level> {
  // autocannon ignores `Connection: close` (nginx sends it after 1000 requests on a connection);
  // reconnecting every 500 requests behaves like a browser instead of writing into a closing socket.
  const r = await autocannon({ url, headers, connections, duration: SECONDS, reconnectRate: 500 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx };
}

export async function run(): Promise<BenchRow[]> {
  const sim = join(repoRoot, 'packages/devpi-sim/dist/cli.js');
  const server = join(repoRoot, 'apps/bff/dist/server.js');
  for (const file of [sim, server]) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const children: ChildProcess[] = [];
  const prefix = await mkdtemp(join(tmpdir(), 'load-bench-nginx-'));
  try {
    const [devpiPort, bffPort, lbPort] = [await freePort(), await freePort(), await freePort()];
    const devpiUrl = `http://127.0.0.1:${devpiPort}`;
    const lb = `http://127.0.0.1:${lbPort}`;
    const devpi = child(sim, ['--host', '127.0.0.1', '--port', String(devpiPort), '--latency-ms', String(DEVPI_LATENCY_MS)], {}, 'devpi');
    children.push(devpi);
    await waitForHttp(`${devpiUrl}/+api`, devpi);
    const bffEnv = {
      NODE_ENV: 'production',
      DEVPI_URL: devpiUrl,
      HOST: '127.0.0.1',
      PORT: String(bffPort),
      PUBLIC_URL: lb,
      TRUST_PROXY_HOPS: '1',
      SESSION_SECRET: 'load-bench-secret-load-bench-secret!',
      LOG_LEVEL: 'info',
    };
    const bff = child(server, [], bffEnv, 'bff');
    children.push(bff);
    await waitForHttp(`http://127.0.0.1:${bffPort}/healthz`, bff);
    const nginx = startNginx(await prepareNginxPrefix(prefix, loopbackVars(lbPort, devpiPort, bffPort)));
    children.push(nginx);
    await waitForHttp(`${lb}/+nginx-health`, nginx);
    if (bff.pid === undefined) throw new Error('the BFF has no pid');

    const login = await fetch(`${lb}/+dashboard/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: lb },
      body: JSON.stringify({ user: 'root', password: '' }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='))?.split(';')[0];
    if (login.status !== 200 || cookie === undefined) throw new Error(`login through nginx failed: ${login.status}`);
    const json = { Accept: 'application/json' };
    const direct = `${lb}${PATH}`;
    const viaBff = `${lb}/+dashboard/api/devpi${PATH}`;
    await measure(direct, json, 10);
    await measure(viaBff, { ...json, Cookie: cookie }, 10);
    const idleRss = rssMb(bff.pid);

    const rows: BenchRow[] = [];
    let peakRss = idleRss;
    // The highest level such that it and every level below it ran without one failed request.
    let heldDirect = 0;
    let heldBff = 0;
    let directClean = true;
    let bffClean = true;
    let last: { d: Level; b: Level; c: number } | undefined;
    for (const c of LEVELS) {
      const d = await measure(direct, json, c);
      const b = await measure(viaBff, { ...json, Cookie: cookie }, c);
      peakRss = Math.max(peakRss, rssMb(bff.pid));
      directClean &&= d.failures === 0;
      bffClean &&= b.failures === 0;
      if (directClean) heldDirect = c;
      if (bffClean) heldBff = c;
      rows.push(
        { bench: BENCH, metric: `c=${c} nginx->devpi req/s`, value: d.rps, unit: 'req/s' },
        { bench: BENCH, metric: `c=${c} nginx->BFF->devpi req/s`, value: b.rps, unit: 'req/s' },
        { bench: BENCH, metric: `c=${c} p50 overhead (direct ${d.p50} ms, via BFF ${b.p50} ms)`, value: b.p50 - d.p50, unit: 'ms' },
        { bench: BENCH, metric: `c=${c} p99 overhead (direct ${d.p99} ms, via BFF ${b.p99} ms)`, value: b.p99 - d.p99, unit: 'ms' },
        { bench: BENCH, metric: `c=${c} failed requests (direct ${d.failures})`, value: b.failures, unit: 'via BFF', target: '0', ok: b.failures === 0 },
      );
      last = { d, b, c };
    }
    const top = LEVELS[LEVELS.length - 1] ?? 0;
    rows.push(
      { bench: BENCH, metric: 'highest concurrency, zero errors, nginx->devpi', value: heldDirect, unit: 'connections' },
      { bench: BENCH, metric: 'highest concurrency, zero errors, via BFF', value: heldBff, unit: 'connections', target: `${top}`, ok: heldBff === top },
      { bench: BENCH, metric: `throughput ratio at c=${last?.c ?? 0} (BFF/direct)`, value: last ? (last.b.rps / last.d.rps) * 100 : Number.NaN, unit: '%' },
      { bench: BENCH, metric: 'BFF RSS idle (after warm-up)', value: idleRss, unit: 'MB' },
      { bench: BENCH, metric: 'BFF RSS peak under load', value: peakRss, unit: 'MB' },
    );
    return rows;
  } finally {
    await stopChildren(children);
    await rm(prefix, { recursive: true, force: true });
  }
}
