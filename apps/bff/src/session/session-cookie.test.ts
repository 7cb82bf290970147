import { describe, expect, it } from 'vitest';
import { SessionSealer, type SessionData } from './session-cookie.js';

const data: SessionData = { sid: 'a'.repeat(22), user: 'alice', token: 'tok', iat: 1, exp: 2, seen: 1 };

describe('SessionSealer', () => {
  it('round-trips with the same secret, as another replica would', () => {
    const value = new SessionSealer('s'.repeat(32)).seal(data);
    expect(new SessionSealer('s'.repeat(32)).open(value)).toEqual(data);
  });

  it('does not leak the token in the cookie value', () => {
    const value = new SessionSealer('s'.repeat(32)).seal({ ...data, token: 'visible-token' });
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain('visible-token');
  });

  it('rejects another secret, tampering and garbage', () => {
    const sealer = new SessionSealer('s'.repeat(32));
    const value = sealer.seal(data);
    expect(new SessionSealer('t'.repeat(32)).open(value)).toBeUndefined();
    const raw = Buffer.from(value, 'base64url');
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(sealer.open(raw.toString('base64url'))).toBeUndefined();
    expect(sealer.open('garbage')).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
  });
});
