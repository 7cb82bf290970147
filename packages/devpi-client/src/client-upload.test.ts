import { describe, expect, it } from 'vitest';
import type { UploadInput, UploadMetadata } from './upload-form.js';
import { expectRecordedError } from './test-support/expect-error.js';
import { fromBase64, loadTranscript, multipartParts, replay, type Transcript } from './test-support/transcripts.js';

/** The metadata every recorded acme-hello upload carried. */
const ACME: UploadMetadata = {
  summary: 'Tiny test package for a local devpi',
  author: 'Alice',
  author_email: 'alice@example.com',
  license: 'MIT',
  requires_python: '>=3.7',
};

/** The recorded file bytes: the client must send them unchanged and compute their sha256 itself. */
function recordedFile(t: Transcript): { filename: string; content: Uint8Array } {
  const part = multipartParts(t)?.find((p) => p.name === 'content');
  if (part === undefined || !('base64' in part)) throw new Error(`${t.name} has no file part`);
  return { filename: part.filename, content: fromBase64(part.base64) };
}

function input(id: number, name: string, version: string): UploadInput {
  return { ...recordedFile(loadTranscript(id)), name, version, metadata: ACME };
}

describe('upload', () => {
  it.each([
    [93, 'root', 'acme', '0.1.0'],
    [94, 'root', 'acme', '0.1.0'],
    [104, 'alice', 'dev', '0.2.0'],
    [105, 'alice', 'dev', '0.2.0'],
    [106, 'alice', 'dev', '0.1.0'],
  ])('transcript %i: sends the multipart body twine sends', async (id, user, index, version) => {
    const { client, verify } = replay(id);
    expect(await client.upload(user, index, input(id, 'acme-hello', version))).toEqual({});
    verify();
  });

  it('reports the note devpi puts in the reason phrase (transcript 95)', async () => {
    const { client, verify } = replay(95);
    expect(await client.upload('root', 'acme', input(95, 'acme-hello', '0.1.0'))).toEqual({ message: 'Upload of identical file to non volatile index.' });
    verify();
  });

  it.each([
    [88, 'root', 'acme', 'acme-hello', '0.1.0'],
    [89, 'root', 'acme', 'acme-hello', '0.1.0'],
    [90, 'root', 'acme', 'acme-hello', '0.1.0'],
    [91, 'root', 'acme', 'acme-hello', '0.1.0'],
    [96, 'root', 'acme', 'acme-hello', '0.1.0'],
    [97, 'root', 'acme', 'acme-hello', '9.9.9'],
    [98, 'root', 'acme', 'other-project', '0.1.0'],
    [101, 'root', 'acme-mirror', 'acme-hello', '0.1.0'],
    [102, 'root', 'nosuch', 'acme-hello', '0.1.0'],
  ])('transcript %i: failures carry the message from the reason phrase or title', async (id, user, index, name, version) => {
    const { client, verify } = replay(id);
    await expectRecordedError(client.upload(user, index, input(id, name, version)), loadTranscript(id));
    verify();
  });

  it('passes the twine-style text/plain error through (transcript 91)', async () => {
    const { client, verify } = replay(91);
    const error = await expectRecordedError(client.upload('root', 'acme', input(91, 'acme-hello', '0.1.0')), loadTranscript(91));
    expect({ message: error.message, body: error.body }).toEqual({ message: 'no permission to submit', body: '403 no permission to submit\n\n\n\n\n\n\n' });
    verify();
  });

  it('uploads documentation as a zip (transcript 103)', async () => {
    const { client, verify } = replay(103);
    const { content } = recordedFile(loadTranscript(103));
    expect(await client.uploadDoc('root', 'acme', { name: 'acme-hello', version: '0.1.0', content: new Blob([content]) })).toEqual({});
    verify();
  });

  it('registers metadata without a file (transcript 92)', async () => {
    const { client, verify } = replay(92);
    const metadata = { summary: ACME.summary, home_page: 'https://example.invalid/acme-hello', requires_python: '>=3.7' };
    expect(await client.register('root', 'acme', { name: 'acme-hello', version: '0.1.0', metadata })).toEqual({});
    verify();
  });
});

describe('push', () => {
  it('returns the action log (transcript 142)', async () => {
    const { client, verify } = replay(142);
    const log = await client.push('alice', 'dev', { name: 'acme-hello', version: '0.2.0', targetindex: 'root/acme' });
    verify();
    expect(log[0]).toEqual([200, 'register', 'acme-hello', '0.2.0', '->', 'root/acme']);
    expect(log.slice(1).map((entry) => entry[1])).toEqual(['store_releasefile', 'store_releasefile']);
  });

  it.each([
    [143, '0.2.0'],
    [144, '7.7.7'],
  ])('transcript %i: refusals carry devpi message', async (id, version) => {
    const { client, verify } = replay(id);
    await expectRecordedError(client.push('alice', 'dev', { name: 'acme-hello', version, targetindex: 'root/acme' }), loadTranscript(id));
    verify();
  });
});
