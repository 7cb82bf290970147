import { describe, expect, it } from 'vitest';
import { DevpiClient } from './client.js';
import { isFullStatus } from './schemas/server.js';
import { expectRecordedError } from './test-support/expect-error.js';
import { loadTranscript, replay } from './test-support/transcripts.js';

describe('login', () => {
  it.each([
    [4, 'root', ''],
    [15, 'root', 'devpi-root-pw'],
    [30, 'alice', 'alice-pw'],
    [31, 'bob', 'bob-pw'],
    [32, 'carol', 'carol-pw'],
  ])('transcript %i: returns the token and its lifetime', async (id, user, password) => {
    const { client, verify } = replay(id);
    const result = await client.login(user, password);
    verify();
    expect(result.expiration).toBe(36000);
    expect(result.token).toMatch(new RegExp(`^\\["${user}", \\[\\], true\\]\\.`));
  });

  it.each([
    [5, 'root', 'wrong'],
    [6, 'nosuchuser', 'x'],
    [14, 'root', ''],
  ])('transcript %i: a refused login is a 401 DevpiError with devpi message', async (id, user, password) => {
    const { client, verify } = replay(id);
    await expectRecordedError(client.login(user, password), loadTranscript(id));
    verify();
  });
});

describe('api', () => {
  it('reads the anonymous /+api (transcript 2)', async () => {
    const { client, verify } = replay(2);
    const api = await client.api();
    verify();
    expect(api.authstatus).toEqual(['noauth', '', []]);
    expect(api.features).toContain('server-keyvalue-parsing');
    expect(api.login).toBe('http://127.0.0.1:3141/+login');
  });

  it('reads the per-index +api (transcript 3)', async () => {
    const { client, verify } = replay(3);
    const api = await client.api('root', 'pypi');
    verify();
    expect(api.simpleindex).toBe('http://127.0.0.1:3141/root/pypi/+simple/');
  });

  it.each([
    [10, ['ok', 'root', []]],
    [11, ['noauth', '', []]],
    [12, ['noauth', '', []]],
    [16, ['ok', 'root', []]],
    [17, ['ok', 'root', []]],
    [170, ['noauth', '', []]],
  ])('transcript %i: sends X-Devpi-Auth as base64(user:token)', async (id, authstatus) => {
    const { client, verify } = replay(id);
    const api = await client.api();
    verify();
    expect(api.authstatus).toEqual(authstatus);
  });

  it('sends a password as HTTP Basic like twine (transcript 18)', async () => {
    const { fetch, verify } = replay(18);
    const client = new DevpiClient({ baseUrl: 'http://127.0.0.1:3141', fetch, auth: { user: 'root', password: 'devpi-root-pw' } });
    expect((await client.api()).authstatus).toEqual(['ok', 'root', []]);
    verify();
  });

  it('withAuth switches to the token of a login (transcripts 4 then 10)', async () => {
    const { fetch, verify } = replay(4, 10);
    const anonymous = new DevpiClient({ baseUrl: 'http://127.0.0.1:3141/', fetch });
    const { token } = await anonymous.login('root', '');
    const root = anonymous.withAuth('root', token);
    expect((await root.api()).authstatus).toEqual(['ok', 'root', []]);
    expect((await anonymous.withAuth('root', token).anonymous().baseUrl)).toBe('http://127.0.0.1:3141');
    verify();
  });
});

describe('status', () => {
  it('parses /+status (transcript 172)', async () => {
    const { client, verify } = replay(172);
    const status = await client.status();
    verify();
    if (!isFullStatus(status)) return expect.unreachable('a full status');
    expect(status.role).toBe('MASTER');
    expect(status.serial).toBe(49);
    expect(status.versioninfo?.['devpi-server']).toBe('6.19.1');
    expect(status.metrics?.[0]).toEqual(['devpi_server_storage_cache_evictions', 'counter', 0]);
    expect(status).toHaveProperty('polling_replicas', {});
  });

  it("takes the health-only answer devpi-admin gives anonymous callers, and tells it from devpi's own", async () => {
    const fetch = async (): Promise<Response> =>
      Response.json({ type: 'status', result: { status: 'ok' } }, { headers: { 'Cache-Control': 'private, no-store', 'X-Devpi-Serial': '3' } });
    const status = await new DevpiClient({ baseUrl: 'http://devpi.test', fetch }).status();
    expect(status).toEqual({ status: 'ok' });
    expect(isFullStatus(status)).toBe(false);
  });

  it('refuses a status that is neither', async () => {
    const fetch = async (): Promise<Response> => Response.json({ type: 'status', result: { status: 'maybe' } });
    await expect(new DevpiClient({ baseUrl: 'http://devpi.test', fetch }).status()).rejects.toMatchObject({ kind: 'invalid_response' });
  });
});
