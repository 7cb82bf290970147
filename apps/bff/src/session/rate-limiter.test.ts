import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 2, windowS: 60 }, () => now);
    limiter.hit('ip');
    limiter.hit('ip');
    expect(limiter.check('ip')).toEqual({ allowed: false, retryAfterS: 60 });
    expect(limiter.check('other')).toEqual({ allowed: true });
    now += 30_000;
    expect(limiter.check('ip')).toEqual({ allowed: false, retryAfterS: 30 });
    now += 30_000;
    expect(limiter.check('ip')).toEqual({ allowed: true });
  });

  it('forgets a key on reset', () => {
    const limiter = new RateLimiter({ limit: 1, windowS: 60 }, () => 0);
    limiter.hit('alice');
    limiter.reset('alice');
    expect(limiter.check('alice')).toEqual({ allowed: true });
  });
});
