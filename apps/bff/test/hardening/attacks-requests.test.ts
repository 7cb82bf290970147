import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { base64Utf8 } from '@devpi-dashboard/devpi-client';
import { DEVPI_PROXY_BASE, CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { forgedHeaders, methodAttacks, neverForwarded, pathAttacks } from './support/attack-corpus.js';
import { openCookie, startHardened, type Hardened } from './support/hardened-bff.js';
import { rawRequest as nodeRequest } from '../support/raw-request.js';
import { rawRequest, sendRaw } from './support/raw-http.js';
import { closer, rawAttacks, SMUGGLED_MARKER } from './support/smuggling-corpus.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const tally = new Tally('attacks-requests');

let h: Hardened;
let cookie: string;
let host: string;

beforeAll(async () => {
  h = await startHardened({ PUBLIC_URL: 'http://lb.example:8000' });
  cookie = await h.login('root', h.devpi.target.rootPassword);
  host = `127.0.0.1:${h.bff.port}`;
});

afterAll(async () => {
  tally.write();
  await h?.close();
});

describe('attacks on the proxy: request targets', () => {
  it.each(pathAttacks)('$name: refused or harmless, never a traversal', async (attack) => {
    h.proxy.clearLog();
    const res = await sendRaw(h.bff.port, rawRequest(attack.method, attack.target, host, [`Cookie: ${cookie}`, `${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`, `Origin: http://${host}`, 'Connection: close']));
    expect(res.statuses).toHaveLength(1);
    if (res.statuses[0] === attack.status) {
      expect(errorBody.parse(JSON.parse(res.body)).error.code).toBe(errorCodes.pathRefused);
      expect(h.proxy.requests).toEqual([]);
      tally.add('path attacks refused by the BFF');
    } else {
      // Only the literal-at-devpi cases may pass, unchanged, and devpi must turn them down.
      expect(attack.literalAtDevpi).toBe(true);
      expect(res.statuses[0]).toBeGreaterThanOrEqual(400);
      expect(res.statuses[0]).toBeLessThan(500);
      expect(h.proxy.requests.map((r) => r.target)).toEqual([attack.target.slice(DEVPI_PROXY_BASE.length)]);
      tally.add('path attacks passed on literally and refused by devpi');
    }
    tally.add('path attacks');
  });

  it.each(methodAttacks)('$method is refused with $status and never forwarded', async (attack) => {
    h.proxy.clearLog();
    const res = await sendRaw(h.bff.port, rawRequest(attack.method, `${DEVPI_PROXY_BASE}/root/pypi`, host, [`Cookie: ${cookie}`, `${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`, `Origin: http://${host}`, 'Connection: close']));
    expect(res.statuses).toEqual([attack.status]);
    expect(h.proxy.requests).toEqual([]);
    tally.add('method attacks');
  });
});

describe('attacks on the proxy: framing and parser abuse', () => {
  it.each(rawAttacks)('$name: refused, nothing smuggled to devpi', async (attack) => {
    h.proxy.clearLog();
    const res = await sendRaw(h.bff.port, attack.bytes(host, cookie) + closer(host));
    // Exactly one answer: a second one would mean the hidden request was parsed as its own.
    expect(res.statuses).toHaveLength(1);
    expect(attack.statuses).toContain(res.statuses[0]);
    expect(h.proxy.requests.filter((r) => r.target.includes(SMUGGLED_MARKER))).toEqual([]);
    expect(h.proxy.requests.filter((r) => r.method === 'POST')).toEqual([]);
    tally.add('framing attacks');
  });
});

describe('attacks on the proxy: forged identity and forwarding headers', () => {
  it('replaces every client credential with the session and strips forwarding claims', async () => {
    const session = openCookie(cookie);
    const alice = await h.devpi.user('alice');
    const aliceCookie = await h.login(alice.name, alice.password);
    const aliceSession = openCookie(aliceCookie);
    // alice's browser claims to be root in every way a header can.
    const forged = forgedHeaders(base64Utf8(`root:${session.token}`));
    h.proxy.clearLog();
    const res = await nodeRequest(h.url, 'GET', `${DEVPI_PROXY_BASE}/+api`, { ...forged, Cookie: aliceCookie, Accept: 'application/json' });
    expect(res.status).toBe(200);
    const api = z.object({ result: z.object({ authstatus: z.tuple([z.string(), z.string(), z.array(z.string())]) }) }).parse(JSON.parse(res.body));
    expect(api.result.authstatus.slice(0, 2)).toEqual(['ok', alice.name]);

    expect(h.proxy.requests).toHaveLength(1);
    const seen = h.proxy.requests[0]?.headers ?? {};
    expect(seen['x-devpi-auth']).toEqual([base64Utf8(`${alice.name}:${aliceSession.token}`)]);
    expect(seen['x-outside-url']).toEqual(['http://lb.example:8000']);
    for (const name of neverForwarded) expect(seen[name], name).toBeUndefined();
    expect(seen.connection).toEqual(['keep-alive']);
    tally.add('forged headers', Object.keys(forged).length);
  });

  it('forwards an anonymous request with no credentials at all', async () => {
    h.proxy.clearLog();
    const res = await nodeRequest(h.url, 'GET', `${DEVPI_PROXY_BASE}/+api`, { ...forgedHeaders(base64Utf8('root:guess')), Accept: 'application/json' });
    expect(res.status).toBe(200);
    const seen = h.proxy.requests[0]?.headers ?? {};
    expect(seen['x-devpi-auth']).toBeUndefined();
    for (const name of neverForwarded) expect(seen[name], name).toBeUndefined();
  });
});
