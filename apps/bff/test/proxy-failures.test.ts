import { CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp } from './support/test-app.js';
import { startUpstream } from './support/upstream.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

describe('devpi proxy: when devpi misbehaves', () => {
  it('answers a JSON 502 without devpi address when devpi is down', async () => {
    const devpiUrl = await closedPortUrl();
    const { app, close } = await testApp(devpiUrl);
    cleanups.push(close);
    const res = await request(app).get('/+dashboard/api/devpi/+api').expect(502);
    expect(errorBody.parse(res.body).error.code).toBe(errorCodes.devpiUnavailable);
    expect(res.text).not.toContain('127.0.0.1');
    expect(res.text).not.toContain(new URL(devpiUrl).port);
  });

  it('answers a JSON 504 at DEVPI_TIMEOUT_MS when devpi hangs', async () => {
    const upstream = await startUpstream(() => undefined);
    cleanups.push(upstream.close);
    const { app, close } = await testApp(upstream.url, { DEVPI_TIMEOUT_MS: '200' });
    cleanups.push(close);
    const res = await request(app).get('/+dashboard/api/devpi/root/pypi').expect(504);
    expect(errorBody.parse(res.body).error.code).toBe(errorCodes.devpiTimeout);
  });

  it('retries an idempotent GET once when devpi resets the connection', async () => {
    let calls = 0;
    const upstream = await startUpstream((req, res) => {
      calls += 1;
      if (calls === 1) req.socket.destroy();
      else res.end('{"ok":true}');
    });
    cleanups.push(upstream.close);
    const { app, close } = await testApp(upstream.url);
    cleanups.push(close);
    const res = await request(app).get('/+dashboard/api/devpi/+api').expect(200);
    expect(res.text).toBe('{"ok":true}');
    expect(calls).toBe(2);
  });

  it('never retries a POST', async () => {
    const upstream = await startUpstream((req) => req.socket.destroy());
    cleanups.push(upstream.close);
    const { app, close } = await testApp(upstream.url);
    cleanups.push(close);
    const res = await request(app)
      .post('/+dashboard/api/devpi/root/acme/')
      .set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' })
      .send('payload')
      .expect(502);
    expect(errorBody.parse(res.body).error.code).toBe(errorCodes.devpiUnavailable);
    expect(upstream.seen).toHaveLength(1);
  });

  it('streams bodies both ways intact', async () => {
    const upstream = await startUpstream((_req, res, seen) => {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(seen.body);
    });
    cleanups.push(upstream.close);
    const { app, close } = await testApp(upstream.url);
    cleanups.push(close);
    const payload = randomBytes(8 * 1024 * 1024);
    const res = await request(app)
      .post('/+dashboard/api/devpi/root/acme/')
      .set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/octet-stream' })
      .send(payload)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const digest = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    expect(Buffer.isBuffer(res.body) && digest(res.body)).toBe(digest(payload));
  });
});
