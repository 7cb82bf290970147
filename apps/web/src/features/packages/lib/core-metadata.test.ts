import { makeSdist, makeWheel } from '@devpi-dashboard/devpi-sim';
import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseCoreMetadata, readDistMetadata } from './core-metadata';

// Node's Blob, since jsdom's has no stream(); browsers hand the reader a File, which has both.
const file = (bytes: Uint8Array) => {
  const blob = new NodeBlob([bytes]);
  const stream = () => {
    const body = new Response(new Uint8Array(bytes)).body;
    if (!body) throw new Error('no body');
    return body;
  };
  return { size: blob.size, slice: (start: number, end: number) => blob.slice(start, end), stream };
};

const spec = {
  name: 'acme-hello',
  version: '1.2.3',
  summary: 'Tiny',
  requiresDist: ['requests>=2', 'six'],
  classifiers: ['Programming Language :: Python :: 3'],
  descriptionContentType: 'text/markdown',
  description: '# Acme\n\nHello.',
};

describe('reading package metadata in the browser', () => {
  it('reads a wheel METADATA through the zip reader', async () => {
    const wheel = makeWheel(spec);
    const dist = await readDistMetadata(wheel.filename, file(new Uint8Array(wheel.content)));
    expect(dist).toEqual({
      name: 'acme-hello',
      version: '1.2.3',
      metadata: {
        metadata_version: '2.1',
        summary: 'Tiny',
        description_content_type: 'text/markdown',
        classifiers: ['Programming Language :: Python :: 3'],
        requires_dist: ['requests>=2', 'six'],
        description: '# Acme\n\nHello.',
      },
    });
  });

  it("reads an sdist's PKG-INFO through the tar reader", async () => {
    const sdist = makeSdist(spec);
    const dist = await readDistMetadata(sdist.filename, file(new Uint8Array(sdist.content)));
    expect([dist.name, dist.version, dist.metadata.summary]).toEqual(['acme-hello', '1.2.3', 'Tiny']);
  });

  it('refuses files that are no distribution', async () => {
    await expect(readDistMetadata('notes.txt', file(new Uint8Array([1, 2, 3])))).rejects.toThrow(/Only wheels/);
    await expect(readDistMetadata('x-1.0-py3-none-any.whl', file(new Uint8Array(30)))).rejects.toThrow(/not a zip/);
  });

  it('keeps folded header lines and needs a name and version', () => {
    expect(parseCoreMetadata('Name: a\nVersion: 1\nLicense: MIT\n  and more\n').metadata.license).toBe('MIT\nand more');
    expect(() => parseCoreMetadata('Summary: x\n')).toThrow(/no Name or Version/);
  });
});
