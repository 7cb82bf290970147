import { describe, expect, it } from 'vitest';
import { DevpiClient } from './client.js';
import { DevpiError } from './errors.js';
import { parseTokenRestrictions, readToken, tokenIdentity } from './tokens.js';
import { loadTranscript, replayTokens, TOKENS_RECORDED_BASE } from './test-support/transcripts.js';

async function rejection(promise: Promise<unknown>): Promise<DevpiError> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof DevpiError)) throw new Error(`expected a DevpiError, got ${String(error)}`);
  return error;
}

describe('devpi-tokens', () => {
  it('creates a token without restrictions as devpi-client does: no body (transcript 011)', async () => {
    const { client, verify } = replayTokens(11);
    const token = await client.createToken('alice');
    verify();
    expect(token).toMatch(/^devpi-/);
    expect(tokenIdentity(token)).toEqual({ user: 'alice', id: '3h77ZfN8' });
  });

  it('creates a restricted token (transcript 012)', async () => {
    const { client, verify } = replayTokens(12);
    const token = await client.createToken('alice', { allowed: ['upload'], indexes: ['root/acme'], expires: 1796160625 });
    verify();
    expect(tokenIdentity(token)).toEqual({ user: 'alice', id: 'Ky34nhAV' });
    expect(readToken(token)?.restrictions).toEqual(['allowed=upload', 'expires=1796160625', 'indexes=root/acme']);
  });

  it.each([
    [21, { expires: 1000000000 }, 400, "Can't set expiration before current time"],
    [23, { expires: 'never' as const }, 403, 'Not allowed to create token with no expiration'],
  ])('transcript %i: a refused create carries devpi message', async (id, input, status, message) => {
    const { client, verify } = replayTokens(id);
    const error = await rejection(client.createToken('alice', input));
    verify();
    expect({ status: error.status, message: error.message }).toEqual({ status, message });
  });

  it('lists tokens with their restriction strings (transcript 034)', async () => {
    const { client, verify } = replayTokens(34);
    const listing = await client.listTokens('alice');
    verify();
    expect(listing.plugin).toBe(true);
    if (!listing.plugin) return;
    expect(listing.tokens['Ky34nhAV']?.restrictions).toEqual(['allowed=upload', 'expires=1796160625', 'indexes=root/acme']);
    expect(parseTokenRestrictions(listing.tokens['Ky34nhAV']?.restrictions ?? [])).toEqual({ allowed: ['upload'], indexes: ['root/acme'], expires: 1796160625, other: [] });
  });

  it('says an empty list is empty (transcript 038)', async () => {
    const { client, verify } = replayTokens(38);
    expect(await client.listTokens('bob')).toEqual({ plugin: true, tokens: {} });
    verify();
  });

  it('a missing user is an error, not a missing plugin (transcript 039)', async () => {
    const { client, verify } = replayTokens(39);
    const error = await rejection(client.listTokens('nobody'));
    verify();
    expect({ status: error.status, message: error.message }).toEqual({ status: 404, message: "no user 'nobody'" });
  });

  it('a missing route (no plugin) answers devpi-web HTML 404, which means the plugin is absent (core transcript 186)', async () => {
    const recorded = loadTranscript(186);
    const fetch = async (): Promise<Response> =>
      new Response(String(recorded.response.body), { status: recorded.response.status, statusText: recorded.response.reason, headers: recorded.response.headers });
    const client = new DevpiClient({ baseUrl: TOKENS_RECORDED_BASE, fetch, auth: { user: 'alice', token: 'x' } });
    expect(await client.listTokens('alice')).toEqual({ plugin: false });
  });

  it('deletes a token and reports an unknown id (transcripts 091, 097)', async () => {
    const { client, verify } = replayTokens(91, 97);
    expect(await client.deleteToken('alice', '3DnnKHfd')).toBe('token 3DnnKHfd deleted');
    const error = await rejection(client.deleteToken('alice', '3DnnKHfd'));
    verify();
    expect(error.status).toBe(404);
  });

  it('refuses a token used to manage tokens (transcript 040)', async () => {
    const { client, verify } = replayTokens(40);
    const error = await rejection(client.listTokens('alice'));
    verify();
    expect(error.status).toBe(403);
    expect(error.message).toContain('user_tokens_info failed permission check');
  });
});

describe('tokenIdentity', () => {
  it('reads user and id, with or without the devpi- prefix, and refuses what is no macaroon', () => {
    const token = 'devpi-AgEAAg5hbGljZS0zaDc3WmZOOAACEmV4cGlyZXM9MTgyNzc3OTQyNwAABiDbYPl8QnvBJ8JPmFTkisjCP9YkUcfHauHp-qXjidsYQA';
    expect(tokenIdentity(token)).toEqual({ user: 'alice', id: '3h77ZfN8' });
    expect(tokenIdentity(token.slice(6))).toEqual({ user: 'alice', id: '3h77ZfN8' });
    expect(tokenIdentity('devpi-AgEIYWxpY2UtWFg')).toBeUndefined();
    expect(tokenIdentity('alice-pw')).toBeUndefined();
  });

  it('keeps restriction kinds it does not know', () => {
    expect(parseTokenRestrictions(['expires=never', 'not_before=5', 'color=blue'])).toEqual({ expires: 'never', notBefore: 5, other: ['color=blue'] });
  });
});
