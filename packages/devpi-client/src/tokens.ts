// Reading devpi-tokens tokens and restriction strings, in the browser and in Node alike (no Buffer).

/** A token's restrictions, read from devpi's `key=value` strings. */
export interface TokenRestrictions {
  allowed?: string[];
  indexes?: string[];
  projects?: string[];
  /** Unix seconds, or `never`. */
  expires?: number | 'never';
  notBefore?: number;
  /** Restriction strings of a kind this client does not know, kept as devpi gave them. */
  other: string[];
}

const LISTS = { allowed: 'allowed', indexes: 'indexes', projects: 'projects' } as const;

export function parseTokenRestrictions(restrictions: readonly string[]): TokenRestrictions {
  const out: TokenRestrictions = { other: [] };
  for (const raw of restrictions) {
    const at = raw.indexOf('=');
    const key = at < 0 ? raw : raw.slice(0, at);
    const value = at < 0 ? '' : raw.slice(at + 1);
    if (key in LISTS) {
      const list = LISTS[key as keyof typeof LISTS];
      const items = value.split(',').filter((item) => item !== '');
      // several caveats of one kind intersect; devpi's create writes one of each
      out[list] = out[list] === undefined ? items : out[list].filter((item) => items.includes(item));
    } else if (key === 'expires' && (value === 'never' || /^\d+$/.test(value))) {
      out.expires = value === 'never' ? 'never' : Number(value);
    } else if (key === 'not_before' && /^\d+$/.test(value)) {
      out.notBefore = Number(value);
    } else {
      out.other.push(raw);
    }
  }
  return out;
}

function base64UrlBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*$/.test(clean)) return undefined;
  try {
    const binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * What a devpi-tokens token says about itself: the `user` and token `id` of its macaroon's identifier and
 * its caveats, which are the restriction strings devpi stored (libmacaroons V2: version 2, optional
 * location field 1, identifier field 2, one section per caveat, then the signature). No secret is needed,
 * and nothing here checks the signature: only devpi can.
 */
export function readToken(token: string): { user: string; id: string; restrictions: string[] } | undefined {
  const bytes = base64UrlBytes(token.startsWith('devpi-') ? token.slice(6) : token);
  if (bytes === undefined || bytes[0] !== 2) return undefined;
  let at = 1;
  const varint = (): number | undefined => {
    let n = 0;
    let shift = 1;
    for (let i = 0; i < 6; i += 1) {
      const b = bytes[at];
      if (b === undefined) return undefined;
      at += 1;
      n += (b & 0x7f) * shift;
      if ((b & 0x80) === 0) return n;
      shift *= 128;
    }
    return undefined;
  };
  /** One section's fields (type -> text), or undefined when the bytes are no section. */
  const section = (): Map<number, string> | undefined => {
    const fields = new Map<number, string>();
    for (;;) {
      const type = varint();
      if (type === undefined) return undefined;
      if (type === 0) return fields;
      const len = varint();
      if (len === undefined || at + len > bytes.length) return undefined;
      fields.set(type, new TextDecoder().decode(bytes.subarray(at, at + len)));
      at += len;
    }
  };
  const head = section();
  const identifier = head?.get(2);
  if (identifier === undefined) return undefined;
  const restrictions: string[] = [];
  for (;;) {
    const caveat = section();
    if (caveat === undefined) return undefined;
    if (caveat.size === 0) break;
    const cid = caveat.get(2);
    if (cid === undefined) return undefined;
    restrictions.push(cid);
  }
  if (bytes[at] !== 6) return undefined;
  const dash = identifier.lastIndexOf('-');
  return dash <= 0 ? undefined : { user: identifier.slice(0, dash), id: identifier.slice(dash + 1), restrictions };
}

/** The user and token id a devpi-tokens token names, or undefined when it is no such token. */
export function tokenIdentity(token: string): { user: string; id: string } | undefined {
  const read = readToken(token);
  return read === undefined ? undefined : { user: read.user, id: read.id };
}
