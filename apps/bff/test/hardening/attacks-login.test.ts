import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { sessionCookieOf, spa, startBff, startHardened, type BffInstance, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number(), details: z.object({ retryAfterS: z.number() }).optional() }) });
const tally = new Tally('attacks-login');

let h: Hardened;
const fresh: BffInstance[] = [];

beforeAll(async () => {
  h = await startHardened();
});

afterAll(async () => {
  tally.write();
  for (const bff of fresh) await bff.close();
  await h?.close();
});

/** A BFF with empty rate-limit counters. */
async function freshBff(env: Record<string, string> = {}): Promise<BffInstance> {
  const bff = await startBff(h.proxy.url, env);
  fresh.push(bff);
  return bff;
}

async function attempt(bff: BffInstance, user: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${bff.url}/+dashboard/api/session`, { method: 'POST', headers: { ...spa(bff.url), ...headers }, body: JSON.stringify({ user, password }) });
  tally.add('login attempts');
  return { status: res.status, text: await res.text(), cookie: sessionCookieOf(res), retryAfter: res.headers.get('retry-after') };
}

describe('login enumeration', () => {
  it('answers an unknown user and a wrong password identically, byte for byte', async () => {
    const bff = await freshBff();
    const alice = await h.devpi.user('alice');
    const wrong = await attempt(bff, alice.name, 'not-the-password');
    const unknown = await attempt(bff, uniqueName('nobody'), 'not-the-password');
    const emptyPw = await attempt(bff, uniqueName('nobody'), '');
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(emptyPw).toEqual(wrong);
    expect(errorBody.parse(JSON.parse(wrong.text)).error.code).toBe(errorCodes.invalidCredentials);
    expect(wrong.text).not.toContain(alice.name);
  });
});

describe('login brute force', () => {
  it('per account: after 5 failures even the right password is refused, in any letter case, without locking out others', async () => {
    const bff = await freshBff();
    const alice = await h.devpi.user('alice');
    const bob = await h.devpi.user('bob');
    for (let i = 0; i < 5; i += 1) expect((await attempt(bff, alice.name, `guess-${i}`)).status).toBe(401);
    const right = await attempt(bff, alice.name, alice.password);
    expect(right.status).toBe(429);
    expect(right.cookie).toBeUndefined();
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(errorBody.parse(JSON.parse(right.text)).error.code).toBe(errorCodes.tooManyAttempts);
    expect((await attempt(bff, alice.name.toUpperCase(), alice.password)).status).toBe(429);
    expect((await attempt(bff, bob.name, bob.password)).status).toBe(200);
  });

  it('per account: an unknown account is throttled exactly like a real one', async () => {
    const bff = await freshBff();
    const ghost = uniqueName('ghost');
    for (let i = 0; i < 5; i += 1) expect((await attempt(bff, ghost, `guess-${i}`)).status).toBe(401);
    expect((await attempt(bff, ghost, 'guess-5')).status).toBe(429);
  });

  it('per IP: 20 attempts spread over many accounts, then 429 even for valid credentials', async () => {
    const bff = await freshBff();
    const carol = await h.devpi.user('carol');
    for (let i = 0; i < 20; i += 1) expect((await attempt(bff, uniqueName('spray'), 'Winter2026!')).status).toBe(401);
    const blocked = await attempt(bff, carol.name, carol.password);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBeUndefined();
  });

  it('per IP: a forged X-Forwarded-For does not buy new attempts when no proxy is trusted', async () => {
    const bff = await freshBff({ TRUST_PROXY_HOPS: '0' });
    for (let i = 0; i < 20; i += 1) {
      expect((await attempt(bff, uniqueName('spray'), 'x', { 'X-Forwarded-For': `10.0.${i}.1` })).status).toBe(401);
    }
    expect((await attempt(bff, uniqueName('spray'), 'x', { 'X-Forwarded-For': '10.1.0.1' })).status).toBe(429);
  });

  it('per IP behind one proxy: only the address nginx appended counts, spoofed entries before it do not', async () => {
    const bff = await freshBff({ TRUST_PROXY_HOPS: '1' });
    for (let i = 0; i < 20; i += 1) {
      expect((await attempt(bff, uniqueName('spray'), 'x', { 'X-Forwarded-For': `10.0.${i}.1, 192.0.2.7` })).status).toBe(401);
    }
    expect((await attempt(bff, uniqueName('spray'), 'x', { 'X-Forwarded-For': '10.9.9.9, 192.0.2.7' })).status).toBe(429);
    // A different client behind the same nginx is not punished for the attacker.
    expect((await attempt(bff, uniqueName('spray'), 'x', { 'X-Forwarded-For': '192.0.2.8' })).status).toBe(401);
  });
});
