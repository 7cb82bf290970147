import { describe, expect, it } from 'vitest';
import { DevpiClient } from './client.js';
import { DevpiError } from './errors.js';
import type { FetchFn } from './http.js';

function answering(response: () => Response, seen: { url?: string; init?: RequestInit; self?: unknown } = {}): FetchFn {
  return async function fakeFetch(this: unknown, input, init) {
    seen.url = input;
    seen.init = init;
    seen.self = this;
    return response();
  };
}

const json = (body: unknown, status = 200, statusText = 'OK'): Response =>
  new Response(JSON.stringify(body), { status, statusText, headers: { 'Content-Type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<DevpiError> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof DevpiError)) throw new Error(`expected a DevpiError, got ${String(error)}`);
  return error;
}

/** A fetch that never answers, rejecting like real fetch when its signal aborts. */
const hanging: FetchFn = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  });

describe('the fetch wrapper', () => {
  it('calls fetch unbound, with Accept JSON and the configured headers', async () => {
    const seen: { url?: string; init?: RequestInit; self?: unknown } = {};
    const client = new DevpiClient({ baseUrl: 'http://h:1/', fetch: answering(() => json({ type: 'userconfig', result: { username: 'a' } }), seen), headers: { 'X-outside-url': 'https://lb.example' } });
    await client.getUser('a');
    expect(seen.url).toBe('http://h:1/a');
    expect(seen.self).toBeUndefined();
    expect(seen.init?.headers).toEqual({ 'X-outside-url': 'https://lb.example', Accept: 'application/json' });
  });

  it('encodes a non-ASCII user and token in X-Devpi-Auth without Buffer', async () => {
    const seen: { init?: RequestInit } = {};
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: answering(() => json({ type: 'status', result: { serial: 1, role: 'MASTER' } }), seen), auth: { user: 'jürgen', token: 't' } });
    await client.status();
    expect(seen.init?.headers).toMatchObject({ 'X-Devpi-Auth': Buffer.from('jürgen:t', 'utf8').toString('base64') });
  });

  it('turns an unreachable devpi into a network DevpiError', async () => {
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await rejection(client.listRoot());
    expect({ kind: error.kind, status: error.status, message: error.message, url: error.url }).toEqual({ kind: 'network', status: 0, message: 'devpi is unreachable: fetch failed', url: 'http://h:1/' });
  });

  it('aborts after timeoutMs', async () => {
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: hanging, timeoutMs: 1 });
    const error = await rejection(client.status());
    expect({ kind: error.kind, message: error.message }).toEqual({ kind: 'network', message: 'devpi is unreachable: no answer within 1 ms' });
  });

  it("passes the caller's own cancellation through as fetch's AbortError", async () => {
    const controller = new AbortController();
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: hanging, timeoutMs: 60_000 }).withSignal(controller.signal);
    const pending = client.status();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a success body of the wrong shape as invalid_response', async () => {
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: answering(() => json({ type: 'userconfig', result: { username: 'a' } })) });
    const error = await rejection(client.getIndex('a', 'b'));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/^unexpected response from devpi for GET http:\/\/h:1\/a\/b: /);
    expect(error.body).toEqual({ type: 'userconfig', result: { username: 'a' } });
  });

  it('reports HTML where JSON was expected (a proxy login page, say) as invalid_response', async () => {
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: answering(() => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } })) });
    expect((await rejection(client.listRoot())).kind).toBe('invalid_response');
  });

  it('only maps 404 to undefined; other errors still throw', async () => {
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: answering(() => json({ message: 'boom' }, 500, 'Internal Server Error')) });
    const error = await rejection(client.getUser('a'));
    expect({ status: error.status, message: error.message }).toEqual({ status: 500, message: 'boom' });
  });
});
