import { Blob as NodeBlob } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipMember } from './zip-reader';

/** One member of a hand-built archive; `zip64` writes its sizes and offset in a zip64 extra field. */
interface Member { name: string; data: Uint8Array; method?: 0 | 8; zip64?: boolean; declaredSize?: number }

class Bytes {
  private readonly parts: number[] = [];
  get length() { return this.parts.length; }
  u16(v: number) { this.parts.push(v & 0xff, (v >>> 8) & 0xff); return this; }
  u32(v: number) { return this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff); }
  u64(v: number) { return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000)); }
  raw(bytes: Uint8Array) { for (const b of bytes) this.parts.push(b); return this; }
  done() { return new Uint8Array(this.parts); }
}

const FF32 = 0xffffffff;

/** Writes a zip archive byte by byte (APPNOTE 6.3): local headers, central directory, zip64 end records, comment. */
function zip(members: Member[], options: { comment?: string; zip64End?: boolean } = {}): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  for (const m of members) {
    const method = m.method ?? 8;
    const body = method === 8 ? new Uint8Array(deflateRawSync(m.data)) : m.data;
    const name = new TextEncoder().encode(m.name);
    const size = m.declaredSize ?? m.data.length;
    const offset = out.length;
    const extra = m.zip64 ? new Bytes().u16(1).u16(24).u64(size).u64(body.length).u64(offset).done() : new Uint8Array(0);
    const sizes = (b: Bytes) => (m.zip64 ? b.u32(FF32).u32(FF32) : b.u32(body.length).u32(size));
    sizes(out.u32(0x04034b50).u16(45).u16(0x0800).u16(method).u16(0).u16(0x21).u32(crc32(m.data)));
    out.u16(name.length).u16(m.zip64 ? 20 : 0).raw(name);
    if (m.zip64) out.u16(1).u16(16).u64(size).u64(body.length);
    out.raw(body);
    sizes(central.u32(0x02014b50).u16(45).u16(45).u16(0x0800).u16(method).u16(0).u16(0x21).u32(crc32(m.data)));
    central.u16(name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0).u32(m.zip64 ? FF32 : offset).raw(name).raw(extra);
  }
  const directory = central.done();
  const directoryAt = out.length;
  out.raw(directory);
  const comment = new TextEncoder().encode(options.comment ?? '');
  if (options.zip64End) {
    const endAt = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(members.length).u64(members.length).u64(directory.length).u64(directoryAt);
    out.u32(0x07064b50).u32(0).u64(endAt).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(FF32).u32(FF32);
  } else {
    out.u32(0x06054b50).u16(0).u16(0).u16(members.length).u16(members.length).u32(directory.length).u32(directoryAt);
  }
  return out.u16(comment.length).raw(comment).done();
}

/** A Blob that records which byte ranges were read, to prove the reader does not read everything. */
function source(bytes: Uint8Array) {
  const blob = new NodeBlob([bytes]);
  const reads: Array<[number, number]> = [];
  return { reads, size: blob.size, slice: (start: number, end: number) => { reads.push([start, end]); return blob.slice(start, end); } };
}

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const isMetadata = (n: string) => /^[^/]+\.dist-info\/METADATA$/.test(n);
const metadata = text('Metadata-Version: 2.1\nName: acme\nVersion: 1.0\n');

describe('readZipMember (@zip.js/zip.js)', () => {
  it('reads a deflated member and only the end of a large archive', async () => {
    const filler = new Uint8Array(600_000).map((_, i) => (i * 7919) % 251);
    const src = source(zip([{ name: 'acme/data.bin', data: filler, method: 0 }, { name: 'acme-1.0.dist-info/METADATA', data: metadata }]));
    expect(decode(await readZipMember(src, isMetadata))).toBe(decode(metadata));
    const read = src.reads.reduce((n, [a, b]) => n + (b - a), 0);
    expect(read).toBeLessThan(70_000);
  });

  it('reads stored (uncompressed) members', async () => {
    expect(decode(await readZipMember(source(zip([{ name: 'acme-1.0.dist-info/METADATA', data: metadata, method: 0 }])), isMetadata))).toBe(decode(metadata));
  });

  it('finds the end record behind an archive comment', async () => {
    const comment = `built by hand ${'PK\u0005\u0006 is not the end '.repeat(40)}`;
    const bytes = zip([{ name: 'acme-1.0.dist-info/METADATA', data: metadata }], { comment });
    expect(decode(await readZipMember(source(bytes), isMetadata))).toBe(decode(metadata));
  });

  it('reads zip64 sizes and the zip64 end of central directory', async () => {
    const bytes = zip([{ name: 'acme/a.py', data: text('x = 1\n'), zip64: true }, { name: 'acme-1.0.dist-info/METADATA', data: metadata, zip64: true }], { zip64End: true });
    expect(decode(await readZipMember(source(bytes), isMetadata))).toBe(decode(metadata));
  });

  it('refuses a zip bomb, whether its declared size is honest or a lie', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024);
    const cap = 1024 * 1024;
    const honest = zip([{ name: 'acme-1.0.dist-info/METADATA', data: bomb }]);
    await expect(readZipMember(source(honest), isMetadata, cap)).rejects.toThrow(/inflates to more than 1 MiB; this looks like a zip bomb/);
    const lying = zip([{ name: 'acme-1.0.dist-info/METADATA', data: bomb, declaredSize: 100 }]);
    await expect(readZipMember(source(lying), isMetadata, cap)).rejects.toThrow(/zip bomb/);
  });

  it('answers undefined without the member and a clear message for what is no zip', async () => {
    expect(await readZipMember(source(zip([{ name: 'acme/a.py', data: text('x') }])), isMetadata)).toBeUndefined();
    await expect(readZipMember(source(new Uint8Array(100)), isMetadata)).rejects.toThrow(/not a zip archive/);
  });
});
