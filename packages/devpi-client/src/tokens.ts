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
 * The identity a devpi-tokens token names (`user`, token `id`), read from its macaroon's identifier
 * (libmacaroons V2: version 2, optional location field 1, identifier field 2). No secret is needed.
 */
export function tokenIdentity(token: string): { user: string; id: string } | undefined {
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
  for (;;) {
    const type = varint();
    if (type === undefined || type === 0 || type > 2) return undefined;
    const len = varint();
    if (len === undefined || at + len > bytes.length) return undefined;
    const data = bytes.subarray(at, at + len);
    at += len;
    if (type !== 2) continue;
    const identifier = new TextDecoder().decode(data);
    const dash = identifier.lastIndexOf('-');
    return dash <= 0 ? undefined : { user: identifier.slice(0, dash), id: identifier.slice(dash + 1) };
  }
}
