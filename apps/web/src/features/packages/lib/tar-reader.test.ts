import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarGzMember } from './tar-reader';

/** One ustar entry: header (checksum included) and the body padded to 512 bytes. */
function entry(name: string, body: Uint8Array, type = '0', prefix = ''): Uint8Array {
  const header = new Uint8Array(512);
  const put = (text: string, at: number) => header.set(new TextEncoder().encode(text), at);
  put(name, 0);
  put(prefix, 345);
  put('0000644\0', 100);
  put(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  put('        ', 148);
  put(type, 156);
  put('ustar\0', 257);
  put(`${header.reduce((a, b) => a + b, 0).toString(8).padStart(6, '0')}\0 `, 148);
  const out = new Uint8Array(512 + Math.ceil(body.length / 512) * 512);
  out.set(header);
  out.set(body, 512);
  return out;
}

function targz(...entries: Uint8Array[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  const tar = new Uint8Array(entries.reduce((n, e) => n + e.length, 0) + 1024);
  let at = 0;
  for (const e of entries) {
    tar.set(e, at);
    at += e.length;
  }
  const body = new Response(new Uint8Array(gzipSync(tar))).body;
  if (!body) throw new Error('no body');
  return body;
}

const text = (s: string) => new TextEncoder().encode(s);
const isPkgInfo = (name: string) => /^[^/]+\/PKG-INFO$/.test(name);

describe('readTarGzMember', () => {
  it('finds PKG-INFO behind a large member that spans many decompressed chunks', async () => {
    const big = new Uint8Array(700_000).map((_, i) => (i * 7919) % 251);
    const found = await readTarGzMember(targz(entry('pkg-1.0/data.bin', big), entry('pkg-1.0/PKG-INFO', text('Name: pkg\nVersion: 1.0\n'))), isPkgInfo);
    expect(new TextDecoder().decode(found)).toBe('Name: pkg\nVersion: 1.0\n');
  });

  it('honours long names from pax headers', async () => {
    const pax = text('30 path=long-name-1.0/PKG-INFO\n');
    const found = await readTarGzMember(targz(entry('././@PaxHeader', pax, 'x'), entry('short', text('Name: long-name\n'))), isPkgInfo);
    expect(new TextDecoder().decode(found)).toBe('Name: long-name\n');
  });

  it('answers undefined when there is no such member', async () => {
    expect(await readTarGzMember(targz(entry('pkg-1.0/setup.py', text('print(1)'))), isPkgInfo)).toBeUndefined();
  });

  it('joins the ustar prefix field and the name', async () => {
    const prefix = `${'deep/'.repeat(20)}pkg-1.0`;
    const found = await readTarGzMember(targz(entry('PKG-INFO', text('Name: prefixed\n'), '0', prefix)), (n) => n === `${prefix}/PKG-INFO`);
    expect(new TextDecoder().decode(found)).toBe('Name: prefixed\n');
  });

  it('honours GNU ././@LongLink names for the entry that follows', async () => {
    const long = `${'x'.repeat(150)}-1.0/PKG-INFO`;
    const archive = targz(entry('././@LongLink', text(`${long}\0`), 'L'), entry(long.slice(0, 99), text('Name: gnu\n')));
    expect(new TextDecoder().decode(await readTarGzMember(archive, isPkgInfo))).toBe('Name: gnu\n');
  });

  it('refuses a member larger than the cap before gathering it', async () => {
    const archive = targz(entry('pkg-1.0/PKG-INFO', new Uint8Array(5000)));
    await expect(readTarGzMember(archive, isPkgInfo, 4096)).rejects.toThrow(/pkg-1.0\/PKG-INFO is larger than/);
  });

  it('says so when the file is not gzip', async () => {
    const body = new Response(new Uint8Array(600).fill(7)).body;
    if (!body) throw new Error('no body');
    await expect(readTarGzMember(body, isPkgInfo)).rejects.toThrow(/not a gzip-compressed tar archive/);
  });
});
