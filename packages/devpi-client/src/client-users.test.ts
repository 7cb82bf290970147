import { describe, expect, it } from 'vitest';
import type { DevpiClient } from './client.js';
import { expectRecordedError } from './test-support/expect-error.js';
import { loadTranscript, replay } from './test-support/transcripts.js';

type Call = (client: DevpiClient) => Promise<unknown>;

/** Requests the caller may build wider than the typed input (devpi ignores or rejects the extra keys). */
const withColour = { password: 'x', favourite_colour: 'blue' };
const fullDict = { created: '2000-01-01T00:00:00Z', email: 'bob@acme.example', password: 'bob-pw' };

describe('users', () => {
  it('lists root with its indexes (transcript 1)', async () => {
    const { client, verify } = replay(1);
    const root = await client.listRoot();
    verify();
    expect(Object.keys(root)).toEqual(['root']);
    expect(root['root']?.indexes?.['pypi']).toMatchObject({ type: 'mirror', mirror_url: 'https://pypi.org/simple/', volatile: false });
  });

  it.each<[number, string, Parameters<DevpiClient['createUser']>[1]]>([
    [19, 'alice', { email: 'alice@example.com', password: 'alice-pw' }],
    [20, 'bob', { email: 'bob@example.com', password: 'bob-pw' }],
    [21, 'carol', { email: 'carol@example.com', password: 'carol-pw' }],
    [171, 'bob', { email: 'bob@example.com', password: 'bob-pw' }],
  ])('transcript %i: createUser returns the new user config', async (id, user, input) => {
    const { client, verify } = replay(id);
    const created = await client.createUser(user, input);
    verify();
    expect(created).toMatchObject({ username: user, email: input.email, indexes: {} });
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.each<[number, Call]>([
    [22, (c) => c.createUser('alice', { email: 'alice@example.com', password: 'alice-pw' })],
    [24, (c) => c.createUser('bad!name', { password: 'x' })],
    [25, (c) => c.createUser('eve', withColour)],
  ])('transcript %i: createUser failures carry devpi message', async (id, call) => {
    const { client, verify } = replay(id);
    await expectRecordedError(call(client), loadTranscript(id));
    verify();
  });

  it('gets a user and its later changes (transcripts 27, 42)', async () => {
    const { client, verify } = replay(27, 42);
    expect(await client.getUser('alice')).toEqual({ email: 'alice@example.com', created: '2026-11-24T08:27:18Z', indexes: {}, username: 'alice' });
    expect(await client.getUser('alice')).toMatchObject({ title: 'Alice A.', modified: '2026-11-24T08:27:19Z', email: 'alice@acme.example' });
    verify();
  });

  it('getUser gives undefined for a missing user (transcript 28)', async () => {
    const { client, verify } = replay(28);
    expect(await client.getUser('nosuchuser')).toBeUndefined();
    verify();
  });

  it.each<[number, Call]>([
    [33, (c) => c.modifyUser('alice', { email: 'alice@acme.example' })],
    [35, (c) => c.modifyUser('alice', { title: 'Alice A.', description: 'ACME dev' })],
    [36, (c) => c.modifyUser('alice', { description: '' })],
  ])('transcript %i: modifyUser without password gives only the message', async (id, call) => {
    const { client, verify } = replay(id);
    expect(await call(client)).toEqual({ message: 'user updated' });
    verify();
  });

  it.each<[number, string, Parameters<DevpiClient['modifyUser']>[1]]>([
    [13, 'root', { password: 'devpi-root-pw' }],
    [34, 'alice', { password: 'alice-pw' }],
    [37, 'bob', fullDict],
  ])('transcript %i: a password change hands back a new token', async (id, user, patch) => {
    const { client, verify } = replay(id);
    const result = await client.modifyUser(user, patch);
    verify();
    expect(result.message).toBe('user updated, new proxy auth');
    expect(result.auth?.expiration).toBe(36000);
    expect(result.auth?.token).toMatch(new RegExp(`^\\["${user}"`));
  });

  it.each<[number, Call]>([
    [39, (c) => c.modifyUser('alice', { email: 'evil@example.com' })],
    [40, (c) => c.modifyUser('alice', { email: 'evil@example.com' })],
    [41, (c) => c.modifyUser('alice', { password: 'hacked' })],
  ])('transcript %i: refused modifications keep devpi message, Python repr included', async (id, call) => {
    const { client, verify } = replay(id);
    const error = await expectRecordedError(call(client), loadTranscript(id));
    expect(error.message).toMatch(/<devpi_server\.model\.User object at 0x[0-9a-f]+>$/);
    verify();
  });

  it.each([
    [165, 'carol', "user 'carol' deleted"],
    [168, 'bob', "user 'bob' deleted"],
  ])('transcript %i: deleteUser returns devpi message', async (id, user, message) => {
    const { client, verify } = replay(id);
    expect(await client.deleteUser(user)).toBe(message);
    verify();
  });

  it.each([
    [162, 'alice'],
    [164, 'carol'],
    [166, 'carol'],
    [167, 'root'],
  ])('transcript %i: deleteUser failures', async (id, user) => {
    const { client, verify } = replay(id);
    const error = await expectRecordedError(client.deleteUser(user), loadTranscript(id));
    verify();
    if (id === 167) expect({ code: error.code, title: error.title }).toEqual({ code: '403 Forbidden', title: 'Forbidden' });
  });
});
