import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE, sessionSchema, errorCodes } from '@devpi-dashboard/dashboard-api';
import { startDevpiSim } from '@devpi-dashboard/devpi-sim';
import { spa, startHardened, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const tally = new Tally('faults-restart');

let h: Hardened;
let user: { name: string; password: string };

beforeAll(async () => {
  h = await startHardened({ DEVPI_TIMEOUT_MS: '2000' });
  user = await h.devpi.user('restart');
  await h.root.createIndex(user.name, 'dev', { type: 'stage', acl_upload: [user.name] });
});

afterAll(async () => {
  tally.write();
  await h?.close();
});

const browse = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, { ...init, headers: { Accept: 'application/json', Cookie: cookie, ...spa(h.url), ...init.headers } });

const aclOf = async () => z.array(z.string()).parse((await h.root.getIndex(user.name, 'dev', { noProjects: true }))?.acl_upload ?? []);
const addAcl = (cookie: string, who: string) =>
  browse(cookie, `${DEVPI_PROXY_BASE}/${user.name}/dev`, { method: 'PATCH', body: JSON.stringify([`acl_upload+=${who}`]) });

describe('devpi restarts mid-session with its state', () => {
  it('answers 502 while it is away, keeps the session, and loses or doubles no change', async () => {
    const cookie = await h.login(user.name, user.password);
    // Warm the BFF's keep-alive pool so the restart leaves it holding dead sockets.
    for (let i = 0; i < 5; i += 1) expect((await browse(cookie, `${DEVPI_PROXY_BASE}/${user.name}/dev`)).status).toBe(200);

    await h.proxy.restart(async () => {
      for (const path of [`${DEVPI_PROXY_BASE}/${user.name}/dev`, '/+dashboard/api/indexes', '/+dashboard/api/session']) {
        const res = await browse(cookie, path);
        expect(res.status, path).toBe(502);
        expect(errorBody.parse(await res.json()).error.code).toBe(errorCodes.devpiUnavailable);
        tally.add('requests answered while devpi was down');
      }
      const change = await addAcl(cookie, 'during-outage');
      expect(change.status).toBe(502);
      tally.add('requests answered while devpi was down');
    });
    tally.add('restarts survived');

    // Back: the first read works even though every pooled socket died with the restart.
    h.proxy.clearLog();
    expect((await browse(cookie, `${DEVPI_PROXY_BASE}/${user.name}/dev`)).status).toBe(200);
    expect(h.proxy.requests.length).toBeLessThanOrEqual(2);
    const who = await browse(cookie, '/+dashboard/api/session');
    expect(sessionSchema.parse(await who.json()).user).toBe(user.name);

    // The change refused during the outage was not applied; sent again, it is applied once.
    expect(await aclOf()).not.toContain('during-outage');
    expect((await addAcl(cookie, 'during-outage')).status).toBe(200);
    expect((await aclOf()).filter((p) => p === 'during-outage')).toHaveLength(1);
  });

  it('survives 20 restarts in a row with reads and writes in between', async () => {
    const cookie = await h.login(user.name, user.password);
    for (let i = 0; i < 20; i += 1) {
      await h.proxy.restart();
      expect((await browse(cookie, `${DEVPI_PROXY_BASE}/${user.name}/dev`)).status).toBe(200);
      expect((await addAcl(cookie, `cycle-${i}`)).status).toBe(200);
      tally.add('restarts survived');
    }
    const acl = await aclOf();
    for (let i = 0; i < 20; i += 1) expect(acl.filter((p) => p === `cycle-${i}`)).toHaveLength(1);
  });
});

describe('devpi comes back as a different server (state lost, new token secret)', () => {
  it('says "log in again" once, clearly, and works again after logging in', async () => {
    const cookie = await h.login(user.name, user.password);
    const fresh = await startDevpiSim();
    try {
      await h.proxy.restart(async () => h.proxy.setUpstream(fresh.url));
      tally.add('restarts survived');
      const who = await browse(cookie, '/+dashboard/api/session');
      expect(who.status).toBe(401);
      expect(errorBody.parse(await who.json()).error.code).toBe(errorCodes.sessionExpired);
      // The cookie has been dropped: later calls say the same, and nothing is sent with a dead token.
      const change = await addAcl(cookie, 'after-reset');
      expect(change.status).toBe(401);
      expect(errorBody.parse(await change.json()).error.code).toBe(errorCodes.sessionExpired);

      // The new server does not know the user; root (empty password on a fresh devpi) still logs in.
      const relogin = await fetch(`${h.url}/+dashboard/api/session`, { method: 'POST', headers: spa(h.url), body: JSON.stringify({ user: user.name, password: user.password }) });
      expect(relogin.status).toBe(401);
      const rootCookie = await h.login('root', '');
      expect((await browse(rootCookie, `${DEVPI_PROXY_BASE}/root/pypi`)).status).toBe(200);
    } finally {
      await h.proxy.restart(async () => h.proxy.setUpstream(h.devpi.target.url));
      await fresh.close();
    }
    // The original devpi again: its state is intact and the user logs in as before.
    const again = await h.login(user.name, user.password);
    expect((await browse(again, `${DEVPI_PROXY_BASE}/${user.name}/dev`)).status).toBe(200);
    expect(await aclOf()).not.toContain('after-reset');
    tally.add('restarts survived');
  });
});
