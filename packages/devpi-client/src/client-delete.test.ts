import { describe, expect, it } from 'vitest';
import type { DevpiClient } from './client.js';
import { expectRecordedError } from './test-support/expect-error.js';
import { loadTranscript, replay } from './test-support/transcripts.js';

type Call = (client: DevpiClient) => Promise<string>;

const SDIST_020 = '+f/cb9/a054e1f79e394/acme-hello-0.2.0.tar.gz';
const WHEEL_010 = '+f/d23/44d1e98b20715/acme_hello-0.1.0-py3-none-any.whl';

describe('removal', () => {
  it.each<[number, Call]>([
    [150, (c) => c.deleteFile('alice', 'dev', SDIST_020)],
    [151, (c) => c.deleteVersion('alice', 'dev', 'acme-hello', '0.2.0')],
    [153, (c) => c.deleteProject('alice', 'dev', 'acme-hello')],
    [155, (c) => c.deleteVersion('root', 'acme', 'acme-hello', '0.2.0', { force: true })],
  ])('transcript %i: returns devpi message', async (id, call) => {
    const { client, verify } = replay(id);
    const body = loadTranscript(id).response.body;
    expect(await call(client)).toBe(typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined);
    verify();
  });

  it.each<[number, Call]>([
    [145, (c) => c.deleteVersion('root', 'acme', 'acme-hello', '0.1.0')],
    [146, (c) => c.deleteFile('root', 'acme', WHEEL_010)],
    [147, (c) => c.deleteProject('root', 'acme', 'acme-hello')],
    [148, (c) => c.deleteVersion('alice', 'dev', 'acme-hello', '0.2.0')],
    [149, (c) => c.deleteVersion('alice', 'dev', 'acme-hello', '0.2.0')],
    [152, (c) => c.deleteVersion('alice', 'dev', 'acme-hello', '0.2.0')],
    [154, (c) => c.deleteProject('alice', 'dev', 'acme-hello')],
  ])('transcript %i: refusals carry devpi message', async (id, call) => {
    const { client, verify } = replay(id);
    await expectRecordedError(call(client), loadTranscript(id));
    verify();
  });
});
