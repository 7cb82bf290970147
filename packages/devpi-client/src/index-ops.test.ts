import { describe, expect, it } from 'vitest';
import { op } from './index-ops.js';
import { loadTranscript } from './test-support/transcripts.js';

describe('op', () => {
  it('builds exactly the operations devpi-client sends (transcripts 45, 67, 68, 70, 71, 85, 163)', () => {
    expect([op.set('acl_upload', ['alice', 'bob'])]).toEqual(loadTranscript(45).request.body);
    expect([op.add('acl_upload', 'carol')]).toEqual(loadTranscript(67).request.body);
    expect([op.remove('acl_upload', 'carol')]).toEqual(loadTranscript(68).request.body);
    expect([op.set('title', 'ACME packages'), op.set('description', 'Company index'), op.set('mirror_whitelist', ['acme-*', 'requests'])]).toEqual(
      loadTranscript(70).request.body,
    );
    expect([op.drop('description')]).toEqual(loadTranscript(71).request.body);
    expect([op.set('mirror_cache_expiry', 60), op.set('mirror_web_url_fmt', 'http://127.0.0.1:3141/root/acme/{name}')]).toEqual(loadTranscript(85).request.body);
    expect([op.set('volatile', true)]).toEqual(loadTranscript(163).request.body);
  });

  it('writes booleans as devpi parses them and an empty list as an empty value', () => {
    expect(op.set('volatile', false)).toBe('volatile=False');
    expect(op.set('mirror_whitelist', [])).toBe('mirror_whitelist=');
  });

  it('keeps values verbatim: only the first "=" separates key and value on the server', () => {
    expect(op.set('description', 'a=b, c')).toBe('description=a=b, c');
  });

  it.each(['', 'a=b', 'acl_upload+', 'acl_upload-'])('refuses the key %j, which would change the operation', (key) => {
    expect(() => op.set(key, 'x')).toThrow(TypeError);
  });
});
