import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Store } from '../store/index.js';

export interface LoginLimit {
  /** Failed attempts allowed per window. */
  limit: number;
  windowS: number;
}

export type LoginDecision = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterS: number };

/** What the route reports back once devpi has answered. */
export interface LoginAttempt {
  /** devpi accepted the password: the account's count starts over, the address gets its point back. */
  succeeded(): Promise<void>;
  /** devpi did not answer about the password (timeout, 5xx): neither key pays for it. */
  undecided(): Promise<void>;
}

function limiterFor(store: Store, table: string, rule: LoginLimit): RateLimiterAbstract {
  // The tables come from the store's migrations (tableCreated), so replicas never race on DDL.
  const common = { tableName: table, tableCreated: true, points: rule.limit, duration: rule.windowS, keyPrefix: '' };
  if (store.driver.dialect === 'sqlite') {
    return new RateLimiterSQLite({ ...common, storeClient: store.driver.database, storeType: 'better-sqlite3', clearExpiredByTimeout: false });
  }
  return new RateLimiterPostgres({ ...common, storeClient: store.driver.pool, storeType: 'pool', clearExpiredByTimeout: false });
}

/** Account names may be 300 characters; the counters' key column holds 255. */
const accountKey = (user: string) => createHash('sha256').update(user.toLowerCase()).digest('base64url');

/**
 * Login throttling shared by every replica. A point is consumed atomically in the store BEFORE
 * devpi is asked, so 40 parallel guesses cannot all pass a check that counts only afterwards.
 * Only failures keep their point: a success hands the address's point back and clears the account.
 */
export class LoginThrottle {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(store: Store, limits: { perIpFailures: LoginLimit; perAccountFailures: LoginLimit }) {
    this.perIp = limiterFor(store, 'login_limit_ip', limits.perIpFailures);
    this.perAccount = limiterFor(store, 'login_limit_account', limits.perAccountFailures);
  }

  async begin(ip: string, user: string): Promise<LoginDecision> {
    const account = accountKey(user);
    const taken: { limiter: RateLimiterAbstract; key: string }[] = [];
    for (const [limiter, key] of [[this.perIp, ip], [this.perAccount, account]] as const) {
      try {
        await limiter.consume(key);
        taken.push({ limiter, key });
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // The refused attempt must not eat the other key's budget either.
        await Promise.all(taken.map((t) => t.limiter.reward(t.key, 1)));
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    }
    return {
      allowed: true,
      attempt: {
        succeeded: async () => {
          await this.perIp.reward(ip, 1);
          await this.perAccount.delete(account);
        },
        undecided: async () => {
          await this.perIp.reward(ip, 1);
          await this.perAccount.reward(account, 1);
        },
      },
    };
  }
}
