/** Gunzips a .tar.gz with the platform's DecompressionStream. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const body = new Response(new Uint8Array(bytes)).body;
  if (!body) throw new Error('This browser cannot read gzip archives.');
  const stream = body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function field(block: Uint8Array, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end));
}

/**
 * Walks a ustar/pax archive for the member whose name `match` accepts (an sdist's PKG-INFO).
 * Long names from pax headers (`path=`) and GNU `././@LongLink` entries are honoured.
 */
export function readTarMember(tar: Uint8Array, match: (name: string) => boolean): Uint8Array | undefined {
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return undefined;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const body = tar.subarray(at + 512, at + 512 + size);
    longName = undefined;
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(body))?.[1];
    else if (type === 'L') longName = new TextDecoder().decode(body).replace(/\0+$/, '');
    else if ((type === '0' || type === '\0') && match(name)) return body;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}
