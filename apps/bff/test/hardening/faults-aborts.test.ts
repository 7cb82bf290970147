import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE } from '@devpi-dashboard/dashboard-api';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { createDevpiAgent } from '../../src/proxy/devpi-agent.js';
import { devpiFixture } from '../support/devpi-fixtures.js';
import { testApp } from '../support/test-app.js';
import { abortedDownload, abortedRequest, abortedUpload, pool } from './support/abort-clients.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { SECRET, sessionCookieOf, spa } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

// CI size; bench/ and HARDENING_ABORTS=10000 run the long version.
const ROUNDS = Number(process.env.HARDENING_ABORTS ?? 1_000);
const HEAP_GROWTH_LIMIT = 32 * 1024 * 1024;
const tally = new Tally('faults-aborts');

v8.setFlagsFromString('--expose-gc');
const gc = z.function().parse(vm.runInNewContext('gc'));

let devpi: Awaited<ReturnType<typeof devpiFixture>>;
let proxy: FaultProxy;
let server: http.Server;
let agent: http.Agent;
let closeApp: () => void;
let port: number;
let cookie: string;
let owner: string;
let filePath: string;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const serverConnections = () => new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
const agentActive = () => Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
const agentQueued = () => Object.values(agent.requests).reduce((n, list) => n + (list?.length ?? 0), 0);
const agentFree = () => Object.values(agent.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0);

beforeAll(async () => {
  // The double reports every request its client dropped; thousands of those are this suite's point.
  const consoleError = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args[0] !== 'devpi-sim: request failed') consoleError(...args);
  });
  devpi = await devpiFixture();
  proxy = await startFaultProxy(devpi.target.url);
  agent = createDevpiAgent(proxy.url);
  const app = await testApp(proxy.url, { SESSION_SECRET: SECRET, LOG_LEVEL: 'silent' }, { devpiAgent: agent });
  closeApp = app.close;
  server = http.createServer(app.app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;

  const user = await devpi.user('aborter');
  owner = user.name;
  await devpi.root.createIndex(owner, 'dev', { type: 'stage', acl_upload: [owner] });
  const wheel = makeWheel({ name: 'big-pkg', version: '1.0', description: randomBytes(150 * 1024).toString('base64') });
  const token = (await devpi.root.login(owner, user.password)).token;
  await devpi.root.withAuth(owner, token).upload(owner, 'dev', { filename: wheel.filename, content: wheel.content, name: 'big-pkg', version: '1.0' });
  filePath = new URL((await devpi.root.getVersion(owner, 'dev', 'big-pkg', '1.0'))?.['+links']?.[0]?.href ?? '').pathname;
  const url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${url}/+dashboard/api/session`, { method: 'POST', headers: spa(url), body: JSON.stringify({ user: owner, password: user.password }) });
  cookie = sessionCookieOf(res) ?? '';
});

afterAll(async () => {
  vi.restoreAllMocks();
  tally.write();
  server?.closeAllConnections();
  server?.close();
  closeApp?.();
  await proxy?.close();
  await devpi?.close();
});

describe(`${ROUNDS * 3} aborted client requests`, () => {
  it('leave no sockets, no queued requests, no listener build-up and no heap growth', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const downloadTarget = `${DEVPI_PROXY_BASE}${filePath}`;
    const uploadTarget = `${DEVPI_PROXY_BASE}/${owner}/dev/`;
    // Warm up first so lazily created caches do not count as growth.
    await pool(100, 20, (i) => (i % 2 ? abortedDownload(port, downloadTarget, cookie) : abortedUpload(port, uploadTarget, cookie, 1_000_000, 64 * 1024)));
    await expect.poll(serverConnections, { timeout: 10_000 }).toBe(0);
    const before = heapAfterGc();

    await pool(ROUNDS, 50, () => abortedDownload(port, downloadTarget, cookie));
    tally.add('downloads cancelled half-way', ROUNDS);
    await pool(ROUNDS, 50, () => abortedUpload(port, uploadTarget, cookie, 1_000_000, 64 * 1024));
    tally.add('uploads cut off', ROUNDS);
    proxy.plan({ kind: 'slow', delayMs: 20 });
    await pool(ROUNDS, 50, () => abortedRequest(port, `${DEVPI_PROXY_BASE}/${owner}/dev`, cookie));
    proxy.plan({ kind: 'pass' });
    tally.add('requests dropped before the answer', ROUNDS);

    await expect.poll(serverConnections, { timeout: 10_000 }).toBe(0);
    await expect.poll(agentActive, { timeout: 10_000 }).toBe(0);
    expect(agentQueued()).toBe(0);
    expect(agentFree()).toBeLessThanOrEqual(64);
    await expect.poll(() => proxy.openConnections(), { timeout: 10_000 }).toBeLessThanOrEqual(64);
    for (const list of Object.values(agent.freeSockets)) {
      for (const socket of list ?? []) for (const event of ['close', 'error', 'timeout', 'data']) expect(socket.listenerCount(event)).toBeLessThan(10);
    }
    const growth = heapAfterGc() - before;
    tally.add('heap growth bytes', Math.max(0, growth));
    expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT);
    process.off('warning', onWarning);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');

    // Nothing half-uploaded was kept, and the BFF still serves the whole file.
    expect(await devpi.root.getProject(owner, 'dev', 'partial-pkg')).toBeUndefined();
    const whole = await fetch(`http://127.0.0.1:${port}${downloadTarget}`, { headers: { Cookie: cookie } });
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(Number(whole.headers.get('content-length')));
  }, 120_000);
});
