import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../store/index.js';
import type { PasswordKeeper } from './users-import.js';

type GeneratedPasswordTable = { run_id: string; username: string; sealed: string; created_at: number | string };
type VaultTables = { generated_password: GeneratedPasswordTable };

const IV_BYTES = 12;
/** How long an untaken password stays sealed in the store. */
export const PASSWORD_RETENTION_MS = 24 * 60 * 60 * 1000;
const TAG_BYTES = 16;

/**
 * Generated passwords at rest: AES-256-GCM under a key derived from SESSION_SECRET (every replica
 * can read them, a copy of the database alone cannot), bound to run and user name so a sealed
 * value cannot be moved to another account. Taken exactly once, or wiped when the run ends.
 */
export class PasswordVault {
  private readonly db: Kysely<VaultTables>;
  private readonly key: Buffer;

  constructor(store: Store, secret: string, private readonly now: () => number = Date.now) {
    this.db = store.db.withTables<VaultTables>();
    this.key = Buffer.from(hkdfSync('sha256', secret, 'devpi-dashboard', 'generated-passwords-v1', 32));
  }

  private seal(runId: string, username: string, password: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(JSON.stringify([runId, username])));
    const body = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private open(runId: string, username: string, sealed: string): string | undefined {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(JSON.stringify([runId, username])));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The keeper one run's items use. */
  keeper(runId: string): PasswordKeeper {
    return {
      get: async (username) => {
        const row = await this.db.selectFrom('generated_password').select('sealed').where('run_id', '=', runId).where('username', '=', username).executeTakeFirst();
        return row === undefined ? undefined : this.open(runId, username, row.sealed);
      },
      put: async (username, password) => {
        await this.db.insertInto('generated_password')
          .values({ run_id: runId, username, sealed: this.seal(runId, username, password), created_at: this.now() })
          .onConflict((oc) => oc.columns(['run_id', 'username']).doNothing())
          .execute();
      },
      drop: async (username) => {
        await this.db.deleteFrom('generated_password').where('run_id', '=', runId).where('username', '=', username).execute();
      },
    };
  }

  async count(runId: string): Promise<number> {
    const row = await this.db.selectFrom('generated_password').select((eb) => eb.fn.countAll().as('n')).where('run_id', '=', runId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Every password of a run, removed by the same statement (DELETE ... RETURNING, on both
   * dialects): the first caller gets them, any later one (another tab, another replica) none.
   */
  async take(runId: string): Promise<{ username: string; password: string }[]> {
    const rows = await this.db.deleteFrom('generated_password').where('run_id', '=', runId).returning(['username', 'sealed', 'created_at']).execute();
    return rows
      .sort((a, b) => Number(a.created_at) - Number(b.created_at) || a.username.localeCompare(b.username))
      .flatMap((r) => {
        const password = this.open(runId, r.username, r.sealed);
        return password === undefined ? [] : [{ username: r.username, password }];
      });
  }

  /**
   * Wipes passwords nobody took within PASSWORD_RETENTION_MS of making them: the run is long over
   * and its creator has handed the accounts out another way (or will reset them).
   */
  async sweep(): Promise<void> {
    await this.db.deleteFrom('generated_password').where('created_at', '<', this.now() - PASSWORD_RETENTION_MS).execute();
  }

  /** Wipes a run's passwords (the run ended without the download). */
  async wipe(runId: string): Promise<void> {
    await this.db.deleteFrom('generated_password').where('run_id', '=', runId).execute();
  }
}
