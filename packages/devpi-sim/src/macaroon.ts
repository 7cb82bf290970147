// Macaroons in the libmacaroons V2 binary format, as pymacaroons (MACAROON_V2) writes them for devpi-tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Macaroon {
  location: string;
  identifier: string;
  /** First-party caveat ids, in order. */
  caveats: string[];
  signature: Buffer;
}

const FIELD_LOCATION = 1;
const FIELD_IDENTIFIER = 2;
const FIELD_VID = 4;
const FIELD_SIGNATURE = 6;

function hmac(key: Buffer, msg: string | Buffer): Buffer {
  return createHmac('sha256', key).update(msg).digest();
}

/** pymacaroons' generate_derived_key: the root key is first run through HMAC with a fixed label. */
function derivedKey(key: Buffer): Buffer {
  return hmac(Buffer.from('macaroons-key-generator'), key);
}

export function signatureFor(key: Buffer, identifier: string, caveats: readonly string[]): Buffer {
  let sig = hmac(derivedKey(key), identifier);
  for (const caveat of caveats) sig = hmac(sig, caveat);
  return sig;
}

export function mintMacaroon(key: Buffer, identifier: string, caveats: readonly string[]): Macaroon {
  return { location: '', identifier, caveats: [...caveats], signature: signatureFor(key, identifier, caveats) };
}

/** A first-party caveat added by the holder (devpi token-derive): no server key needed. */
export function addCaveat(m: Macaroon, caveat: string): Macaroon {
  return { ...m, caveats: [...m.caveats, caveat], signature: hmac(m.signature, caveat) };
}

export function signatureMatches(m: Macaroon, key: Buffer, verifiedCaveats: readonly string[]): boolean {
  const expected = signatureFor(key, m.identifier, verifiedCaveats);
  return expected.length === m.signature.length && timingSafeEqual(expected, m.signature);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function field(type: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), varint(data.length), data]);
}

/** base64url without padding, as pymacaroons serialises. */
export function serializeMacaroon(m: Macaroon): string {
  const EOS = Buffer.from([0]);
  const parts: Buffer[] = [Buffer.from([2]), field(FIELD_LOCATION, Buffer.from(m.location)), field(FIELD_IDENTIFIER, Buffer.from(m.identifier)), EOS];
  for (const caveat of m.caveats) parts.push(field(FIELD_IDENTIFIER, Buffer.from(caveat)), EOS);
  parts.push(EOS, field(FIELD_SIGNATURE, m.signature));
  return Buffer.concat(parts).toString('base64url');
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  done(): boolean {
    return this.at >= this.buf.length;
  }

  private byte(): number {
    const b = this.buf[this.at];
    if (b === undefined) throw new Error('truncated');
    this.at += 1;
    return b;
  }

  private varint(): number {
    let n = 0;
    let shift = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * shift;
      if ((b & 0x80) === 0) return n;
      shift *= 128;
      if (shift > 2 ** 42) throw new Error('varint too long');
    }
  }

  /** The fields of one section, up to its end-of-section byte. */
  section(): Map<number, Buffer> {
    const fields = new Map<number, Buffer>();
    let last = 0;
    for (;;) {
      const type = this.varint();
      if (type === 0) return fields;
      if (type <= last) throw new Error('fields out of order');
      last = type;
      const len = this.varint();
      if (this.at + len > this.buf.length) throw new Error('truncated');
      fields.set(type, this.buf.subarray(this.at, this.at + len));
      this.at += len;
    }
  }

  signatureField(): Buffer {
    const type = this.varint();
    if (type !== FIELD_SIGNATURE) throw new Error('no signature');
    const len = this.varint();
    if (len !== 32 || this.at + len > this.buf.length) throw new Error('bad signature');
    const sig = this.buf.subarray(this.at, this.at + len);
    this.at += len;
    return Buffer.from(sig);
  }
}

function decodeBase64(text: string): Buffer | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_\-+/]*$/.test(clean)) return undefined;
  return Buffer.from(clean.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
}

/** The macaroon in `token` (with or without devpi-tokens' `devpi-` prefix), or undefined if it is none. */
export function parseMacaroon(token: string): Macaroon | undefined {
  const raw = decodeBase64(token.startsWith('devpi-') ? token.slice(6) : token);
  if (!raw || raw.length < 2 || raw[0] !== 2) return undefined;
  try {
    const reader = new Reader(raw.subarray(1));
    const head = reader.section();
    const identifier = head.get(FIELD_IDENTIFIER);
    if (!identifier) return undefined;
    const caveats: string[] = [];
    for (;;) {
      const section = reader.section();
      if (section.size === 0) break;
      const cid = section.get(FIELD_IDENTIFIER);
      // third-party caveats (with a verification id) never verify against devpi-tokens
      if (!cid || section.has(FIELD_VID)) return undefined;
      caveats.push(cid.toString('utf8'));
    }
    const signature = reader.signatureField();
    if (!reader.done()) return undefined;
    return { location: head.get(FIELD_LOCATION)?.toString('utf8') ?? '', identifier: identifier.toString('utf8'), caveats, signature };
  } catch {
    return undefined;
  }
}
