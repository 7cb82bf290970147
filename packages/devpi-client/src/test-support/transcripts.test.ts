import { describe, expect, it } from 'vitest';
import { DevpiClient } from '../client.js';
import { compareRequest, loadTranscript, replay, RECORDED_BASE, transcriptFiles } from './transcripts.js';

/** The fake fetch is only worth something if it notices a request that differs from the recording. */
describe('transcript replay', () => {
  it('finds every transcript beside the repo', () => {
    expect(transcriptFiles().length).toBeGreaterThanOrEqual(187);
  });

  it('accepts the recorded request itself', async () => {
    const t = loadTranscript(45);
    const request = new Request(`${RECORDED_BASE}${t.request.path}`, { method: 'PATCH', headers: t.request.headers, body: JSON.stringify(t.request.body) });
    expect(await compareRequest(t, request)).toEqual([]);
  });

  it('reports a different method, path, header and JSON body', async () => {
    const t = loadTranscript(45);
    const request = new Request(`${RECORDED_BASE}/root/other`, { method: 'PUT', headers: { Accept: 'text/html' }, body: '["acl_upload=alice"]' });
    expect(await compareRequest(t, request)).toEqual([
      'method PUT != PATCH',
      'path /root/other != /root/acme',
      'header Accept: text/html != application/json',
      'header Content-Type: text/plain;charset=UTF-8 != application/json',
      expect.stringMatching(/^header X-Devpi-Auth: <missing> != /),
      'body ["acl_upload=alice"] != ["acl_upload=alice,bob"]',
    ]);
  });

  it('reports credentials the recording did not send', async () => {
    const t = loadTranscript(2);
    const request = new Request(`${RECORDED_BASE}/+api`, { headers: { Accept: 'application/json', 'X-Devpi-Auth': 'eDp5' } });
    expect(await compareRequest(t, request)).toEqual(['unexpected header X-Devpi-Auth']);
  });

  it('reports a multipart field that differs', async () => {
    const t = loadTranscript(103);
    const form = new FormData();
    form.append(':action', 'doc_upload');
    form.append('name', 'acme-hello');
    form.append('version', '0.1.1');
    form.append('content', new Blob([new Uint8Array([1])], { type: 'application/zip' }), 'acme-hello-0.1.0.doc.zip');
    const { 'Content-Type': _recordedBoundary, ...headers } = t.request.headers;
    const request = new Request(`${RECORDED_BASE}/root/acme/`, { method: 'POST', headers, body: form });
    const problems = await compareRequest(t, request);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^multipart .*"0\.1\.1"/);
  });

  it('reports a body that is not multipart at all', async () => {
    const t = loadTranscript(103);
    const request = new Request(`${RECORDED_BASE}/root/acme/`, { method: 'POST', headers: t.request.headers, body: 'name=acme-hello' });
    expect(await compareRequest(t, request)).toEqual([expect.stringMatching(/^multipart "not multipart: /)]);
  });

  it('fails verify() for unused and unexpected exchanges', async () => {
    const unused = replay(2, 3);
    await unused.client.api();
    expect(() => unused.verify()).toThrow('1 recorded exchange(s) never requested');
    const extra = replay(2);
    const client = new DevpiClient({ baseUrl: RECORDED_BASE, fetch: extra.fetch });
    await client.api();
    await expect(client.api()).rejects.toThrow();
    expect(() => extra.verify()).toThrow('unexpected request GET http://127.0.0.1:3141/+api');
  });
});
