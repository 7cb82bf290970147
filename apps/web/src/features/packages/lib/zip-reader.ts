/**
 * Just enough of the zip format to pull one small member (a wheel's METADATA) out of an archive
 * in the browser without reading all of it: the end record and the central directory are sliced
 * from the end of the file, then only the member's bytes are read and inflated with the
 * platform's DecompressionStream. A 1 GB wheel costs a few kilobytes of reading.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** What is needed of a Blob (a browser File is one). */
export interface ByteSource {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

async function read(source: ByteSource, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const body = new Response(new Uint8Array(data)).body;
  if (!body) throw new Error('This browser cannot read zip archives.');
  const stream = body.pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function findEndRecord(tail: DataView): number {
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  for (let at = tail.byteLength - 22; at >= 0; at -= 1) if (tail.getUint32(at, true) === EOCD) return at;
  throw new Error('This file is not a zip archive (no end of central directory).');
}

/** Reads the member whose name `match` accepts; undefined when there is none. */
export async function readZipMember(source: ByteSource, match: (name: string) => boolean): Promise<Uint8Array | undefined> {
  const tailStart = Math.max(0, source.size - 22 - 0xffff);
  const tail = view(await read(source, tailStart, source.size));
  const end = findEndRecord(tail);
  const count = tail.getUint16(end + 10, true);
  const directorySize = tail.getUint32(end + 12, true);
  const directoryOffset = tail.getUint32(end + 16, true);
  if (directoryOffset === 0xffffffff) throw new Error('Zip64 archives (over 4 GB) are not supported here.');
  const directory = await read(source, directoryOffset, directoryOffset + directorySize);
  const dir = view(directory);
  const decoder = new TextDecoder();
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || dir.getUint32(at, true) !== CENTRAL) throw new Error('The zip central directory is damaged.');
    const method = dir.getUint16(at + 10, true);
    const compressedSize = dir.getUint32(at + 20, true);
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    const localOffset = dir.getUint32(at + 42, true);
    const name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!match(name)) continue;
    const local = view(await read(source, localOffset, localOffset + 30));
    if (local.getUint32(0, true) !== LOCAL) throw new Error('The zip member header is damaged.');
    const dataStart = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    const data = await read(source, dataStart, dataStart + compressedSize);
    if (method === 0) return data;
    if (method === 8) return inflateRaw(data);
    throw new Error(`Zip compression method ${method} is not supported.`);
  }
  return undefined;
}
