import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';
import { rawRequest } from './support/raw-request.js';
import { LogCapture, testConfig } from './support/test-app.js';
import { startUpstream } from './support/upstream.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * An upstream that holds the test's own request (`/root/pypi`) until released, and says when it
 * arrived; anything else (the started server warming its package lists) is answered at once.
 */
async function heldUpstream() {
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const held: (() => void)[] = [];
  const upstream = await startUpstream((req, res) => {
    if (!req.url?.startsWith('/root/pypi')) {
      res.statusCode = 404;
      res.end('{"message":"not here"}');
      return;
    }
    held.push(() => res.end('{"done":true}'));
    arrived();
  });
  cleanups.push(upstream.close);
  return { upstream, arrival, release: () => held.forEach((finish) => finish()) };
}

/** A kept-alive connection that has finished one request and now sits idle. */
async function idleKeepAliveSocket(url: string) {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  socket.write('GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n');
  await once(socket, 'data');
  return socket;
}

describe('graceful shutdown', () => {
  it('refuses new connections, finishes in-flight requests and closes idle keep-alive sockets', async () => {
    const { upstream, arrival, release } = await heldUpstream();
    const config = testConfig(upstream.url, { PORT: '0' });
    const running = await startServer(config, createLogger('silent'));
    const idle = await idleKeepAliveSocket(running.url);
    const idleClosed = once(idle, 'close');

    const inFlight = rawRequest(running.url, 'GET', '/+dashboard/api/devpi/root/pypi');
    await arrival;
    const stopped = running.shutdown();

    await idleClosed;
    await expect(rawRequest(running.url, 'GET', '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    release();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body).toBe('{"done":true}');
    await stopped;
  });

  it('fails /readyz first and keeps serving new clients, with Connection: close, until the drain delay is over', async () => {
    const { upstream, arrival, release } = await heldUpstream();
    let endDrain!: () => void;
    const drainOver = new Promise<void>((resolve) => (endDrain = resolve));
    let drainAsked = 0;
    const drainWait = (ms: number) => {
      drainAsked = ms;
      return drainOver;
    };
    const running = await startServer(testConfig(upstream.url, { PORT: '0', DRAIN_DELAY_MS: '1500' }), createLogger('silent'), { drainWait });
    const inFlight = rawRequest(running.url, 'GET', '/+dashboard/api/devpi/root/pypi');
    await arrival;
    const stopped = running.shutdown();
    expect(drainAsked).toBe(1500);

    const readiness = await rawRequest(running.url, 'GET', '/readyz');
    expect(readiness.status).toBe(503);
    expect(JSON.parse(readiness.body)).toEqual({ status: 'draining' });
    // A client arriving now, on a new connection, is served whole and told not to keep the connection.
    const newcomer = await rawRequest(running.url, 'GET', '/healthz');
    expect(newcomer.status).toBe(200);
    expect(newcomer.headers.connection).toBe('close');

    endDrain();
    release();
    expect((await inFlight).status).toBe(200);
    await stopped;
    await expect(rawRequest(running.url, 'GET', '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('gives up on requests still running at the shutdown timeout', async () => {
    const { upstream, arrival } = await heldUpstream();
    const logs = new LogCapture();
    const running = await startServer(testConfig(upstream.url, { PORT: '0' }), createLogger('info', logs), { shutdownTimeoutMs: 200 });
    const stuck = rawRequest(running.url, 'GET', '/+dashboard/api/devpi/root/pypi');
    await arrival;
    await running.shutdown();
    await expect(stuck).rejects.toThrow();
    expect(logs.lines.some((line) => line.includes('shutdown timeout'))).toBe(true);
  });

  it('exits with 0 on SIGTERM', async () => {
    const { upstream } = await heldUpstream();
    const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, DEVPI_URL: upstream.url, PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: 'x'.repeat(32), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) {
      if (line.includes('BFF listening')) break;
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
