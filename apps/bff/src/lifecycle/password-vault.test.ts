import { afterAll, expect, it } from 'vitest';
import { forEachDialect } from '../test-support/store-dialects.js';
import { createStore } from '../store/index.js';
import { PASSWORD_RETENTION_MS, PasswordVault } from './password-vault.js';

const secret = 'a'.repeat(40);

forEachDialect('PasswordVault', (target) => {
  afterAll(() => target.cleanup());

  it('keeps passwords sealed, hands them out once, and wipes a run', async () => {
    const store = await createStore(await target.freshConfig());
    try {
      const vault = new PasswordVault(store, secret);
      const keeper = vault.keeper('run-1');
      await keeper.put('alice', 'pw-alice');
      await keeper.put('ümlaut', 'pw-ü');
      await keeper.put('alice', 'ignored: the first password stays');
      await vault.keeper('run-2').put('bob', 'pw-bob');
      expect(await keeper.get('alice')).toBe('pw-alice');
      const raw = await store.db.withTables<{ generated_password: { sealed: string } }>().selectFrom('generated_password').select('sealed').execute();
      expect(raw.some((r) => r.sealed.includes('pw-'))).toBe(false);
      // Another secret cannot read them.
      expect(await new PasswordVault(store, 'b'.repeat(40)).keeper('run-1').get('alice')).toBeUndefined();
      expect(await vault.count('run-1')).toBe(2);
      const taken = await vault.take('run-1');
      expect(taken.map((t) => [t.username, t.password]).sort()).toEqual([['alice', 'pw-alice'], ['ümlaut', 'pw-ü']]);
      expect(await vault.take('run-1')).toEqual([]);
      await vault.wipe('run-2');
      expect(await vault.count('run-2')).toBe(0);
      let now = 1_000;
      const clocked = new PasswordVault(store, secret, () => now);
      await clocked.keeper('run-3').put('carol', 'pw');
      now += PASSWORD_RETENTION_MS + 1;
      await clocked.sweep();
      expect(await clocked.count('run-3')).toBe(0);
    } finally {
      await store.close();
    }
  });
});
