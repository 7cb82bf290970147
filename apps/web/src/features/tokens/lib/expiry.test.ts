import { describe, expect, it } from 'vitest';
import { expiresFor } from './expiry';

const now = Date.UTC(2026, 11, 1, 12, 0, 0);

describe('token expiry', () => {
  it('counts lifetimes from now, in seconds', () => {
    expect(expiresFor('1h', '', now, false)).toBe(now / 1000 + 3600);
    expect(expiresFor('year', '', now, false)).toBe(now / 1000 + 366 * 86400);
  });

  it('lets only root ask for never, and refuses past or too far dates', () => {
    expect(expiresFor('never', '', now, true)).toBe('never');
    expect(expiresFor('never', '', now, false)).toEqual({ error: 'Only root may create tokens that never expire.' });
    expect(expiresFor('date', '2020-01-01', now, false)).toEqual({ error: 'The date must be in the future.' });
    expect(expiresFor('date', '2030-01-01', now, false)).toEqual({ error: 'devpi allows at most one year, except for root.' });
    expect(typeof expiresFor('date', '2030-01-01', now, true)).toBe('number');
    expect(expiresFor('date', '', now, true)).toEqual({ error: 'Pick the last day the token works.' });
  });
});
