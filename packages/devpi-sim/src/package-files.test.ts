import { createHash } from 'node:crypto';
import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeSdist, makeWheel } from './package-files.js';

describe('makeWheel', () => {
  it('builds a wheel whose RECORD matches its files', () => {
    const wheel = makeWheel({ name: 'Demo.Pkg', version: '1.2.0', summary: 'demo', requiresDist: ['six'] });
    expect(wheel.filename).toBe('demo_pkg-1.2.0-py3-none-any.whl');
    const files = unzipSync(new Uint8Array(wheel.content));
    const record = strFromU8(files['demo_pkg-1.2.0.dist-info/RECORD'] ?? new Uint8Array());
    for (const line of record.trim().split('\n')) {
      const [path = '', hash, size] = line.split(',');
      if (!hash) continue;
      const data = files[path] ?? new Uint8Array();
      expect(hash).toBe(`sha256=${createHash('sha256').update(data).digest('base64url')}`);
      expect(Number(size)).toBe(data.length);
    }
    expect(strFromU8(files['demo_pkg-1.2.0.dist-info/METADATA'] ?? new Uint8Array())).toContain('Requires-Dist: six');
    expect(wheel.sha256).toBe(createHash('sha256').update(wheel.content).digest('hex'));
  });
});

describe('makeSdist', () => {
  it('builds a gzipped tar with PKG-INFO', () => {
    const sdist = makeSdist({ name: 'demo', version: '0.1', description: '# Title', descriptionContentType: 'text/markdown' });
    const tar = Buffer.from(gunzipSync(new Uint8Array(sdist.content)));
    expect(tar.subarray(0, 100).toString('utf8').replace(/\0+$/, '')).toBe('demo-0.1/PKG-INFO');
    expect(tar.subarray(257, 262).toString()).toBe('ustar');
    expect(tar.toString('utf8')).toContain('Description-Content-Type: text/markdown');
  });
});
