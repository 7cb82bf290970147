import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE, sessionSchema, errorCodes } from '@devpi-dashboard/dashboard-api';
import { SessionSealer } from '../../src/session/session-cookie.js';
import { COOKIE, openCookie, SECRET, sessionCookieOf, spa, startBff, startHardened, type BffInstance, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const tally = new Tally('attacks-session');

let h: Hardened;
let alice: { name: string; password: string };
let cookie: string;

beforeAll(async () => {
  h = await startHardened();
  alice = await h.devpi.user('alice');
  cookie = await h.login(alice.name, alice.password);
});

afterAll(async () => {
  tally.write();
  await h?.close();
});

const get = (bff: { url: string }, path: string, c: string) => fetch(`${bff.url}${path}`, { headers: { Cookie: c, Accept: 'application/json' } });

/** Flips one bit of the character at `at` in a base64url string, keeping it base64url. */
function flip(value: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const i = alphabet.indexOf(value[at] ?? 'A');
  return `${value.slice(0, at)}${alphabet[i ^ 1]}${value.slice(at + 1)}`;
}

describe('session cookie tampering', () => {
  const value = () => cookie.slice(COOKIE.length + 1);
  const now = () => Math.floor(Date.now() / 1000);
  const data = () => openCookie(cookie);
  const tampered: [string, () => string][] = [
    ['one bit flipped in the ciphertext', () => flip(value(), 30)],
    ['one bit flipped in the auth tag', () => flip(value(), value().length - 2)],
    ['one bit flipped in the IV', () => flip(value(), 5)],
    ['truncated to half', () => value().slice(0, value().length / 2)],
    ['the version byte changed', () => `C${value().slice(1)}`],
    ['random bytes of the same length', () => Buffer.from(Buffer.from(value(), 'base64url').map((b) => b ^ 0x5a)).toString('base64url')],
    ['plain JSON claiming root', () => Buffer.from(JSON.stringify({ ...data(), user: 'root' })).toString('base64url')],
    ['sealed with another secret, claiming root', () => new SessionSealer('another-secret-another-secret-another!').seal({ ...data(), user: 'root' })],
    ['sealed with our secret but past its expiry', () => new SessionSealer(SECRET).seal({ ...data(), exp: now() - 1 })],
    ['sealed with our secret but idle too long', () => new SessionSealer(SECRET).seal({ ...data(), seen: now() - 3_600 })],
    ['non-base64 garbage', () => '"><script>alert(1)</script>'],
  ];

  it.each(tampered)('%s: 401 session_expired, cookie cleared, nothing forwarded', async (_name, make) => {
    const forged = `${COOKIE}=${make()}`;
    h.proxy.clearLog();
    const who = await get(h.bff, '/+dashboard/api/session', forged);
    expect(who.status).toBe(401);
    expect(errorBody.parse(await who.json()).error.code).toBe(errorCodes.sessionExpired);
    expect(who.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=;`))).toBe(true);
    const proxied = await get(h.bff, `${DEVPI_PROXY_BASE}/+api`, forged);
    expect(proxied.status).toBe(401);
    expect(h.proxy.requests).toEqual([]);
    tally.add('tampered cookies');
  });

  it('a valid value under another cookie name, or an empty one, is no session at all', async () => {
    for (const c of [`session=${value()}`, `${COOKIE}=`, `${COOKIE.toUpperCase()}=${value()}`]) {
      const res = await get(h.bff, '/+dashboard/api/session', c);
      expect(res.status).toBe(200);
      expect(sessionSchema.parse(await res.json()).authenticated).toBe(false);
      tally.add('tampered cookies');
    }
  });

  it('a forged cookie placed before the real one does not elevate', async () => {
    const forged = new SessionSealer('another-secret-another-secret-another!').seal({ ...data(), user: 'root' });
    const res = await get(h.bff, '/+dashboard/api/session', `${COOKIE}=${forged}; ${cookie}`);
    expect(res.status).toBe(401);
    tally.add('tampered cookies');
  });
});

describe('cookie replay after logout', () => {
  let clock = Date.now();
  let a: BffInstance;
  let b: BffInstance;
  beforeAll(async () => {
    // Two replicas sharing SESSION_SECRET, with a clock the test moves instead of sleeping.
    a = await startBff(h.proxy.url, { SESSION_IDLE_S: '900' }, { now: () => clock });
    b = await startBff(h.proxy.url, { SESSION_IDLE_S: '900' }, { now: () => clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function loginAt(bff: BffInstance): Promise<string> {
    const res = await fetch(`${bff.url}/+dashboard/api/session`, { method: 'POST', headers: spa(bff.url), body: JSON.stringify({ user: alice.name, password: alice.password }) });
    const c = sessionCookieOf(res);
    if (c === undefined) throw new Error(`login failed: ${res.status}`);
    return c;
  }

  it('the replica that logged out refuses the stolen cookie for reads, proxying and writes', async () => {
    const stolen = await loginAt(a);
    const out = await fetch(`${a.url}/+dashboard/api/session`, { method: 'DELETE', headers: { ...spa(a.url), Cookie: stolen } });
    expect(out.status).toBe(204);
    h.proxy.clearLog();
    expect((await get(a, '/+dashboard/api/session', stolen)).status).toBe(401);
    expect((await get(a, `${DEVPI_PROXY_BASE}/+api`, stolen)).status).toBe(401);
    const write = await fetch(`${a.url}${DEVPI_PROXY_BASE}/${alice.name}/x`, { method: 'PUT', headers: { ...spa(a.url), Cookie: stolen }, body: '{}' });
    expect(write.status).toBe(401);
    expect(h.proxy.requests).toEqual([]);
    tally.add('replays after logout', 3);
  });

  it('another replica accepts it until the idle timeout at most when unused (the documented limit)', async () => {
    const stolen = await loginAt(a);
    await fetch(`${a.url}/+dashboard/api/session`, { method: 'DELETE', headers: { ...spa(a.url), Cookie: stolen } });
    clock += 899_000;
    expect((await get(b, '/+dashboard/api/session', stolen)).status).toBe(200);
    clock += 2_000;
    expect((await get(b, '/+dashboard/api/session', stolen)).status).toBe(401);
    tally.add('replays after logout', 2);
  });

  it('another replica accepts a kept-busy stolen cookie no longer than its absolute expiry', async () => {
    let stolen = await loginAt(a);
    const { exp } = openCookie(stolen);
    await fetch(`${a.url}/+dashboard/api/session`, { method: 'DELETE', headers: { ...spa(a.url), Cookie: stolen } });
    // The thief uses the cookie every 10 minutes, taking each refreshed cookie, until it expires.
    let accepted = 0;
    for (;;) {
      clock += 600_000;
      const res = await get(b, '/+dashboard/api/session', stolen);
      if (res.status !== 200) {
        expect(res.status).toBe(401);
        break;
      }
      accepted += 1;
      stolen = sessionCookieOf(res) ?? stolen;
    }
    expect(Math.floor(clock / 1000)).toBeGreaterThanOrEqual(exp);
    expect(accepted).toBeLessThanOrEqual(60);
    tally.add('replays after logout', accepted + 1);
  });
});
