import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE } from '@devpi-dashboard/dashboard-api';
import { devpiFixture } from '../support/devpi-fixtures.js';
import { startBffChild, type BffChild } from './support/bff-child.js';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy.js';
import { SECRET, sessionCookieOf, spa } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const tally = new Tally('faults-sigterm');
const READS = 80;
const WRITES = 40;

let devpi: Awaited<ReturnType<typeof devpiFixture>>;
let proxy: FaultProxy;
let bff: BffChild | undefined;

beforeAll(async () => {
  devpi = await devpiFixture();
  proxy = await startFaultProxy(devpi.target.url);
});

afterAll(async () => {
  tally.write();
  if (bff && bff.child.exitCode === null) bff.child.kill('SIGKILL');
  await proxy?.close();
  await devpi?.close();
});

type Outcome = { ok: true; status: number; connection?: string | undefined } | { ok: false; error: string };

async function outcome(p: Promise<Response>): Promise<Outcome> {
  try {
    const res = await p;
    await res.arrayBuffer();
    return { ok: true, status: res.status };
  } catch (error) {
    const cause: unknown = error instanceof Error ? error.cause : undefined;
    const code: unknown = cause instanceof Error ? Reflect.get(cause, 'code') : undefined;
    return { ok: false, error: typeof code === 'string' ? code : String(error) };
  }
}

/** A GET on a connection of its own (no keep-alive reuse), as a new client arriving would make. */
function freshGet(url: string, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ok: true, status: res.statusCode ?? 0, connection: res.headers.connection }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, error: error.code ?? String(error) }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, error: error.code ?? String(error) }));
  });
}

describe('SIGTERM under load', () => {
  it(`finishes all ${READS + WRITES} in-flight requests, serves the clients arriving during the drain and exits 0`, async () => {
    const owner = await devpi.user('sigterm');
    await devpi.root.createIndex(owner.name, 'dev', { type: 'stage', acl_upload: [owner.name] });
    bff = await startBffChild({ DEVPI_URL: proxy.url, SESSION_SECRET: SECRET, DEVPI_TIMEOUT_MS: '10000', DRAIN_DELAY_MS: '3000' });
    const url = bff.url;
    const login = await fetch(`${url}/+dashboard/api/session`, { method: 'POST', headers: spa(url), body: JSON.stringify({ user: owner.name, password: owner.password }) });
    const cookie = sessionCookieOf(login) ?? '';
    expect(login.status).toBe(200);

    // devpi takes a while to answer, so that every one of these is in flight when SIGTERM lands.
    proxy.clearLog();
    proxy.plan({ kind: 'slow', delayMs: 400 });
    const headers = { ...spa(url), Cookie: cookie, Accept: 'application/json' };
    const inFlight = [
      ...Array.from({ length: READS }, () => fetch(`${url}${DEVPI_PROXY_BASE}/${owner.name}/dev`, { headers })),
      ...Array.from({ length: WRITES }, (_, i) =>
        fetch(`${url}${DEVPI_PROXY_BASE}/${owner.name}/dev`, { method: 'PATCH', headers, body: JSON.stringify([`acl_upload+=term-${i}`]) }),
      ),
    ].map(outcome);
    await proxy.waitForRequests(READS + WRITES);
    bff.child.kill('SIGTERM');
    // Readiness-first: once the BFF has taken the signal, /readyz fails so load balancers stop
    // sending new clients, but the listener stays open for DRAIN_DELAY_MS and every client that
    // still arrives, on a connection of its own, is served whole (told `Connection: close`),
    // never refused or reset.
    await bff.logged('shutting down');
    const readiness = await fetch(`${url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(z.object({ status: z.literal('draining') }).parse(await readiness.json())).toEqual({ status: 'draining' });
    const during = await Promise.all(Array.from({ length: 40 }, () => freshGet(`${url}${DEVPI_PROXY_BASE}/+api`, headers)));
    const exitCode = await bff.exited;
    const results = await Promise.all(inFlight);
    proxy.plan({ kind: 'pass' });

    expect(exitCode).toBe(0);
    const failed = results.filter((r) => !r.ok || r.status !== 200);
    expect(failed).toEqual([]);
    tally.add('in-flight requests at SIGTERM', results.length);
    tally.add('in-flight requests failed', failed.length);
    expect(during).toEqual(Array.from({ length: during.length }, () => ({ ok: true, status: 200, connection: 'close' })));
    tally.add('requests arriving during the drain', during.length);
    tally.add('  of which served', during.filter((r) => r.ok && r.status === 200).length);
    tally.add('  of which refused or reset', during.filter((r) => !r.ok || r.status !== 200).length);

    // After the exit nothing listens: a new request is refused at connect time, never half-served.
    const late = await outcome(fetch(`${url}/healthz`));
    expect(late).toEqual({ ok: false, error: 'ECONNREFUSED' });

    // Every write that was in flight was applied, once.
    const acl = z.array(z.string()).parse((await devpi.root.getIndex(owner.name, 'dev', { noProjects: true }))?.acl_upload ?? []);
    for (let i = 0; i < WRITES; i += 1) expect(acl.filter((p) => p === `term-${i}`)).toHaveLength(1);
    expect(proxy.requests.filter((r) => r.method === 'PATCH')).toHaveLength(WRITES);
  }, 60_000);
});
