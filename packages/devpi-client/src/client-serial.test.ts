import { describe, expect, it } from 'vitest';
import { DevpiClient } from './client.js';
import { DevpiError } from './errors.js';
import { replay } from './test-support/transcripts.js';

describe('serial', () => {
  it('is read from the X-Devpi-Serial header of /+api (transcript 2)', async () => {
    const { client, verify } = replay(2);
    expect(await client.serial()).toBe(0);
    verify();
  });

  it('is an invalid_response when devpi (or something in front of it) sends none', async () => {
    const client = new DevpiClient({
      baseUrl: 'http://devpi.invalid',
      fetch: async () => new Response('{"result": {}, "type": "apiconfig"}', { headers: { 'Content-Type': 'application/json' } }),
    });
    const error = await client.serial().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevpiError);
    expect(error).toMatchObject({ kind: 'invalid_response' });
  });
});
