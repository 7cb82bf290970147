import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSdist, makeWheel } from '@devpi-dashboard/devpi-sim';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { scanIndex, sumByRelease } from './scan-index.js';

describe('sumByRelease', () => {
  it('counts a file without a length apart and keeps releases without files', () => {
    const files = [
      { project: 'Acme', version: '1.0', user: 'a', index: 'b', path: '+f/1', sha256: null },
      { project: 'Acme', version: '1.0', user: 'a', index: 'b', path: '+f/2', sha256: null },
    ];
    expect(sumByRelease('acme', ['1.0', '0.9'], files, [10, undefined])).toEqual([
      { project: 'Acme', version: '1.0', files: 2, bytes: 10, unknownFiles: 1 },
      { project: 'acme', version: '0.9', files: 0, bytes: 0, unknownFiles: 0 },
    ]);
  });
});

describe('scanIndex against devpi', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let owner: string;
  const wheel = makeWheel({ name: 'size-probe', version: '1.0' });
  const sdist = makeSdist({ name: 'size-probe', version: '1.0' });
  const other = makeWheel({ name: 'size-probe', version: '2.0' });

  beforeAll(async () => {
    devpi = await devpiFixture();
    owner = (await devpi.user('storage')).name;
    await devpi.root.createIndex(owner, 'base', { bases: [], acl_upload: ['root'] });
    await devpi.root.createIndex(owner, 'dev', { bases: [`${owner}/base`], acl_upload: ['root'] });
    for (const [index, file, version] of [['base', wheel, '1.0'], ['base', sdist, '1.0'], ['dev', other, '2.0']] as const) {
      await devpi.root.upload(owner, index, { filename: file.filename, content: new Uint8Array(file.content), name: 'size-probe', version });
    }
  });
  afterAll(async () => {
    for (const index of ['dev', 'base']) await devpi?.root.deleteIndex(owner, index).catch(() => undefined);
    await devpi?.close();
  });

  it('measures the files an index holds itself, not those of its bases', async () => {
    const seen: number[] = [];
    const base = await scanIndex(devpi.root, `${owner}/base`, { concurrency: 2, onFile: (b) => seen.push(b) });
    expect(base).toEqual({ kind: 'scanned', scan: { index: `${owner}/base`, type: 'stage', releases: [
      { project: 'size-probe', version: '1.0', files: 2, bytes: wheel.content.length + sdist.content.length, unknownFiles: 0 },
    ] } });
    expect(seen.sort()).toEqual([wheel.content.length, sdist.content.length].sort());
    const dev = await scanIndex(devpi.root, `${owner}/dev`, { concurrency: 2 });
    expect(dev.kind === 'scanned' && dev.scan.releases).toEqual([{ project: 'size-probe', version: '2.0', files: 1, bytes: other.content.length, unknownFiles: 0 }]);
  });

  it('says when the index is gone', async () => {
    expect(await scanIndex(devpi.root, `${owner}/nope`, { concurrency: 1 })).toEqual({ kind: 'gone' });
  });
});
