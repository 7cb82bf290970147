export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowS: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * Fixed-window counters in memory, per replica. Good enough for login throttling: an attacker
 * spread over N replicas gets at most N times the budget, which is still tiny.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number,
  ) {}

  /** Would one more attempt for `key` be allowed? Does not count it. */
  check(key: string): RateDecision {
    const entry = this.current(key);
    if (entry === undefined || entry.count < this.rule.limit) return { allowed: true };
    return { allowed: false, retryAfterS: Math.max(1, Math.ceil(entry.start / 1000 + this.rule.windowS - this.now() / 1000)) };
  }

  hit(key: string): void {
    const entry = this.current(key);
    if (entry === undefined) {
      if (this.windows.size > 10_000) this.prune();
      this.windows.set(key, { start: this.now(), count: 1 });
    } else {
      entry.count += 1;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { start: number; count: number } | undefined {
    const entry = this.windows.get(key);
    if (entry === undefined) return undefined;
    if (this.now() - entry.start >= this.rule.windowS * 1000) {
      this.windows.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of [...this.windows.keys()]) this.current(key);
  }
}
