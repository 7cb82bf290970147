/**
 * Just enough of the zip format to pull one small member (a wheel's METADATA) out of an archive
 * in the browser: find the central directory from its end record, then inflate the member with
 * the platform's DecompressionStream.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const body = new Response(new Uint8Array(data)).body;
  if (!body) throw new Error('This browser cannot read zip archives.');
  const stream = body.pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function findEndRecord(view: DataView): number {
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at -= 1) if (view.getUint32(at, true) === EOCD) return at;
  throw new Error('This file is not a zip archive (no end of central directory).');
}

/** Reads the member whose name `match` accepts; undefined when there is none. */
export async function readZipMember(bytes: Uint8Array, match: (name: string) => boolean): Promise<Uint8Array | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('The zip central directory is damaged.');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!match(name)) continue;
    if (view.getUint32(localOffset, true) !== LOCAL) throw new Error('The zip member header is damaged.');
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) return data;
    if (method === 8) return inflateRaw(data);
    throw new Error(`Zip compression method ${method} is not supported.`);
  }
  return undefined;
}
