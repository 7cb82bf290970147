import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';

// The proxy is the yardstick of the fault suites, so its own behaviour is pinned down here against
// a plain HTTP server.
let upstream: http.Server;
let proxy: FaultProxy;
const agent = new http.Agent({ keepAlive: true });

interface Answer {
  status: number;
  body: string;
}

function request(method: string, path: string, body?: string, fresh = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${proxy.url}${path}`, { method, agent: fresh ? false : agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const big = req.url === '/big';
      res.setHeader('content-type', 'text/plain');
      res.end(big ? 'x'.repeat(100_000) : `${req.method} ${req.url} ${Buffer.concat(parts).length}`);
    });
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});

afterAll(async () => {
  agent.destroy();
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise((r) => upstream.close(r));
});

beforeEach(() => {
  proxy.plan({ kind: 'pass' });
  proxy.clearLog();
});

describe('fault proxy', () => {
  it('passes requests and bodies through and logs them, keep-alive included', async () => {
    expect(await request('GET', '/a')).toEqual({ status: 200, body: 'GET /a 0' });
    expect(await request('POST', '/b', 'hello')).toEqual({ status: 200, body: 'POST /b 5' });
    expect(proxy.requests.map((r) => [r.method, r.target, r.bodyBytes, r.forwarded, r.complete])).toEqual([
      ['GET', '/a', 0, true, true],
      ['POST', '/b', 5, true, true],
    ]);
  });

  it('resets a request without passing it on', async () => {
    proxy.plan((r) => (r.method === 'POST' ? { kind: 'reset' } : { kind: 'pass' }));
    await expect(request('POST', '/x', 'body')).rejects.toThrow();
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.forwarded()).toHaveLength(0);
  });

  it('hangs a request and logs it as not forwarded', async () => {
    proxy.plan({ kind: 'hang' });
    const ac = new AbortController();
    const pending = fetch(`${proxy.url}/hang`, { signal: ac.signal });
    await proxy.waitForRequests(1);
    ac.abort();
    await expect(pending).rejects.toThrow();
    expect(proxy.requests[0]).toMatchObject({ target: '/hang', fault: 'hang', forwarded: false });
  });

  it('holds a slow answer back, then delivers it whole', async () => {
    proxy.plan({ kind: 'slow', delayMs: 50 });
    expect(await request('GET', '/slow')).toEqual({ status: 200, body: 'GET /slow 0' });
  });

  it('cuts an answer mid-body', async () => {
    proxy.plan({ kind: 'cut', afterBytes: 5_000 });
    await expect(request('GET', '/big')).rejects.toThrow();
    expect(proxy.forwarded()).toHaveLength(1);
  });

  it('refuses while down and comes back on the same port', async () => {
    const port = proxy.port;
    await proxy.refuse();
    await expect(fetch(`${proxy.url}/down`)).rejects.toThrow();
    await proxy.accept();
    expect(proxy.port).toBe(port);
    expect(await request('GET', '/up')).toEqual({ status: 200, body: 'GET /up 0' });
    expect(proxy.requests.map((r) => r.target)).toEqual(['/up']);
  });

  it('drops open connections on restart', async () => {
    await request('GET', '/warm');
    expect(proxy.openConnections()).toBeGreaterThan(0);
    let downSeen = false;
    await proxy.restart(async () => {
      downSeen = proxy.openConnections() === 0;
    });
    expect(downSeen).toBe(true);
    // The kept-alive socket was reset underneath the agent; a new connection is answered again.
    expect(await request('GET', '/after', undefined, true)).toEqual({ status: 200, body: 'GET /after 0' });
  });
});
