// Rules the transcripts do not cover: --restrict-modify, token expiry, X-outside-url, missing users.
import { afterEach, describe, expect, it } from 'vitest';
import { startDevpiSim } from '../src/index.js';
import type { DevpiSim } from '../src/index.js';
import { call, loginToken, whoami } from './helpers.js';

let sim: DevpiSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('restrict-modify', () => {
  it('lets only the listed principals create users and indexes, but users keep their own password', async () => {
    sim = await startDevpiSim({ restrictModify: ['root'] });
    const root = await loginToken(sim.url, 'root', '');
    expect((await call(sim.url, 'PUT', '/mallory', { json: { password: 'x' } })).status).toBe(403);
    expect((await call(sim.url, 'PUT', '/alice', { json: { password: 'alice-pw' }, auth: ['root', root] })).status).toBe(201);
    const alice = await loginToken(sim.url, 'alice', 'alice-pw');
    expect((await call(sim.url, 'PUT', '/alice/dev', { json: {}, auth: ['alice', alice] })).status).toBe(403);
    expect((await call(sim.url, 'PATCH', '/alice', { json: { email: 'a@example.invalid' }, auth: ['alice', alice] })).status).toBe(403);
    expect((await call(sim.url, 'PATCH', '/alice', { json: { password: 'new-pw' }, auth: ['alice', alice] })).status).toBe(200);
    expect((await call(sim.url, 'PUT', '/alice/dev', { json: {}, auth: ['root', root] })).status).toBe(200);
    expect((await call(sim.url, 'PATCH', '/alice/dev', { json: ['title=mine'], auth: ['alice', alice] })).status).toBe(403);
    expect((await call(sim.url, 'PATCH', '/alice/dev', { json: ['title=ours'], auth: ['root', root] })).status).toBe(200);
  });
});

describe('login tokens', () => {
  it('expire after 36000 seconds of the double clock, after which requests run anonymously', async () => {
    sim = await startDevpiSim();
    const token = await loginToken(sim.url, 'root', '');
    sim.advanceClock(35_000);
    expect(await whoami(sim.url, ['root', token])).toBe('root');
    sim.advanceClock(1_001);
    expect(await whoami(sim.url, ['root', token])).toBe('');
    expect(await whoami(sim.url, ['root', ''])).toBe('root');
  });

  it('are signed: a tampered token is ignored', async () => {
    sim = await startDevpiSim();
    const token = await loginToken(sim.url, 'root', '');
    expect(await whoami(sim.url, ['root', `${token.slice(0, -2)}xx`])).toBe('');
  });
});

describe('X-outside-url', () => {
  it('shapes every absolute URL the server returns', async () => {
    sim = await startDevpiSim();
    const res = await call(sim.url, 'GET', '/root/pypi/+api', { headers: { 'X-outside-url': 'https://devpi.example.com/pkgs' } });
    expect(res.text).toContain('"https://devpi.example.com/pkgs/root/pypi/+simple/"');
    expect(res.text).not.toContain(sim.url);
  });
});

describe('a user that does not exist', () => {
  it('is 404 "no user" to a PATCH from anyone: devpi looks the user up before it checks permissions', async () => {
    // Checked against a real devpi-server 6.19.1: a deleted user's own token, and anonymous, get this.
    sim = await startDevpiSim();
    const root = await loginToken(sim.url, 'root', '');
    for (const auth of [undefined, ['root', root] as [string, string]]) {
      const res = await call(sim.url, 'PATCH', '/ghost', { json: { email: 'x@example.com' }, auth });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ message: "no user 'ghost'" });
    }
  });
});
