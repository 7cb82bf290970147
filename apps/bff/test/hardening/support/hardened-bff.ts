/**
 * The hardening suites' world: devpi (the double or DEVPI_URL), the fault proxy in front of it,
 * and the BFF (createApp, in-process, on a real loopback port) talking to devpi only through the
 * proxy. Seeding goes straight to devpi with a root client and never shows up in the proxy's log,
 * so that log is exactly "what the BFF sent to devpi".
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import type { AppDeps } from '../../../src/app.js';
import { SessionSealer, type SessionData } from '../../../src/session/session-cookie.js';
import { devpiFixture } from '../../support/devpi-fixtures.js';
import { listen } from '../../support/listen.js';
import { testApp } from '../../support/test-app.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';

export const SECRET = 'test-secret-test-secret-test-secret!';
export const COOKIE = 'devpi_dashboard_session';

export interface BffInstance {
  url: string;
  port: number;
  logs: readonly string[];
  close(): Promise<void>;
}

export type Hardened = Awaited<ReturnType<typeof startHardened>>;

/** Headers the SPA sends on state-changing requests to `origin`. */
export const spa = (origin: string): Record<string, string> => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: origin, 'Content-Type': 'application/json' });

/** The `name=value` pair of the session cookie in a response, or undefined. */
export function sessionCookieOf(res: Response): string | undefined {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${COOKIE}=`) && pair.length > COOKIE.length + 1);
}

/** Opens a session cookie the way the BFF does; tests use it to learn the devpi token to look for. */
export function openCookie(pair: string): SessionData {
  const data = new SessionSealer(SECRET).open(pair.slice(COOKIE.length + 1));
  if (data === undefined) throw new Error('cookie does not open with the test secret');
  return data;
}

export async function startBff(devpiUrl: string, env: Record<string, string> = {}, extra: Partial<AppDeps> = {}): Promise<BffInstance> {
  const bff = await testApp(devpiUrl, { SESSION_SECRET: SECRET, ...env }, extra);
  const server = await listen(bff.app);
  return {
    url: server.url,
    port: Number(new URL(server.url).port),
    logs: bff.logs.lines,
    async close() {
      await server.close();
      bff.close();
    },
  };
}

export async function startHardened(env: Record<string, string> = {}, extra: Partial<AppDeps> = {}) {
  const devpi = await devpiFixture();
  const proxy: FaultProxy = await startFaultProxy(devpi.target.url);
  const bff = await startBff(proxy.url, env, extra);

  /** Logs in through the BFF and returns the session cookie pair. */
  async function login(user: string, password: string): Promise<string> {
    const res = await fetch(`${bff.url}/+dashboard/api/session`, { method: 'POST', headers: spa(bff.url), body: JSON.stringify({ user, password }) });
    const cookie = sessionCookieOf(res);
    if (res.status !== 200 || cookie === undefined) throw new Error(`login as ${user} failed: ${res.status} ${await res.text()}`);
    return cookie;
  }

  return {
    devpi,
    root: devpi.root,
    proxy,
    bff,
    url: bff.url,
    login,
    async close() {
      await bff.close();
      await proxy.close();
      await devpi.close();
    },
  };
}
