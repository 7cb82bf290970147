import type { Store } from '../store/index.js';

type RevocationTables = {
  session_revocation: { sid: string; expires_at_s: number };
};

/**
 * Logged-out session ids in the store, so logging out on one replica ends the session on all.
 * A row only needs to outlive the cookie it refuses; expired rows are pruned on the way.
 */
export class SessionRevocations {
  private readonly db;
  private lastPruneS = 0;

  constructor(store: Store, private readonly nowS: () => number) {
    this.db = store.db.withTables<RevocationTables>();
  }

  async isRevoked(sid: string): Promise<boolean> {
    const row = await this.db.selectFrom('session_revocation').select('sid').where('sid', '=', sid).executeTakeFirst();
    return row !== undefined;
  }

  async revoke(sid: string, expiresAtS: number): Promise<void> {
    await this.db
      .insertInto('session_revocation')
      .values({ sid, expires_at_s: expiresAtS })
      .onConflict((c) => c.column('sid').doNothing())
      .execute();
    const now = this.nowS();
    if (now - this.lastPruneS >= 600) {
      this.lastPruneS = now;
      await this.db.deleteFrom('session_revocation').where('expires_at_s', '<=', now).execute();
    }
  }
}
