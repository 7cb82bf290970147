import { MAX_MEMBER_BYTES } from './archive-limits';

function field(block: Uint8Array, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end));
}

/** Octal, or GNU's base-256 (high bit of the first byte set) for members of 8 GiB and more. */
function sizeOf(header: Uint8Array): number {
  if (((header[124] ?? 0) & 0x80) === 0) return Number.parseInt(field(header, 124, 12).trim() || '0', 8) || 0;
  return header.subarray(125, 136).reduce((n, b) => n * 256 + b, (header[124] ?? 0) & 0x7f);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Walks a gzipped ustar/pax archive as it decompresses, for the member whose name `match` accepts
 * (an sdist's PKG-INFO), and stops reading there: only the bytes up to that member are inflated
 * and only the current entry's bytes are held. Long names from pax headers (`path=`) and GNU
 * `././@LongLink` entries are honoured, and so is the ustar `prefix` field.
 *
 * Kept by hand rather than taken from a library: the maintained tar readers either want Node
 * streams (tar-stream, tar) or the whole archive in memory (nanotar), and an sdist can be large.
 * The tests build every header kind byte by byte.
 */
export async function readTarGzMember(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  match: (name: string) => boolean,
  cap = MAX_MEMBER_BYTES,
): Promise<Uint8Array | undefined> {
  const reader = stream.pipeThrough(new DecompressionStream('gzip')).getReader();
  let buffer: Uint8Array = new Uint8Array(0);
  let skip = 0;
  let longName: string | undefined;
  try {
    for (;;) {
      // Enough for the next header, and for the whole body when it is a member we keep.
      while (buffer.length >= 512 && skip === 0) {
        const header = buffer.subarray(0, 512);
        if (header.every((b) => b === 0)) return undefined;
        const size = sizeOf(header);
        const padded = Math.ceil(size / 512) * 512;
        const type = String.fromCharCode(header[156] ?? 48);
        const prefix = field(header, 345, 155);
        const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
        const keep = type === 'x' || type === 'L' || ((type === '0' || type === '\0') && match(name));
        // A header claiming a huge member is refused before its bytes are gathered.
        if (keep && size > cap) throw new Error(`${type === '0' || type === '\0' ? name : 'A tar header'} is larger than ${Math.round(cap / 1024 / 1024)} MiB; this archive is not read.`);
        if (keep && buffer.length < 512 + size) break;
        const body = buffer.slice(512, 512 + size);
        longName = undefined;
        if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(body))?.[1];
        else if (type === 'L') longName = new TextDecoder().decode(body).replace(/\0+$/, '');
        else if (keep) return body;
        const consumed = Math.min(buffer.length, 512 + padded);
        skip = 512 + padded - consumed;
        buffer = buffer.slice(consumed);
      }
      const { done, value } = await reader.read().catch(() => {
        throw new Error('This file is not a gzip-compressed tar archive, or it is damaged.');
      });
      if (done) return undefined;
      let chunk: Uint8Array = value;
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length);
        skip -= dropped;
        chunk = chunk.subarray(dropped);
      }
      buffer = concat(buffer, chunk);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
