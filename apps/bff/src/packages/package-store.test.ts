// The store against a devpi that refuses anonymous reads (the double started trimmed, as
// devpi-admin's acl_read and devpi-lockdown trim devpi), and its warm mirror lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevpiClient, type FetchFn } from '@devpi-dashboard/devpi-client';
import { makeWheel, startDevpiSim, type DevpiSim } from '@devpi-dashboard/devpi-sim';
import { PackageStore } from './package-store.js';
import type { Reader } from './reader.js';

async function signedIn(sim: DevpiSim, user: string, password: string, fetch?: FetchFn): Promise<DevpiClient> {
  const client = new DevpiClient({ baseUrl: sim.url, ...(fetch ? { fetch } : {}) });
  const { token } = await client.login(user, password);
  return client.withAuth(user, token);
}

async function uploadTo(client: DevpiClient, index: string, name: string): Promise<void> {
  const wheel = makeWheel({ name, version: '1.0' });
  await client.upload('root', index, { filename: wheel.filename, content: new Uint8Array(wheel.content), name, version: '1.0' });
}

describe('package store on a devpi that refuses anonymous reads', () => {
  let sim: DevpiSim;
  let root: Reader;
  let alice: Reader;
  beforeAll(async () => {
    sim = await startDevpiSim({ trimmed: true });
    const rootClient = await signedIn(sim, 'root', '');
    await rootClient.createUser('alice', { password: 'alice-pw' });
    await rootClient.createIndex('root', 'dev', { bases: [], acl_upload: ['root'] });
    await uploadTo(rootClient, 'dev', 'trimmed-app');
    root = { key: 'root', client: rootClient };
    alice = { key: 'alice', client: await signedIn(sim, 'alice', 'alice-pw') };
  });
  afterAll(() => sim.close());

  it('takes the serial from the X-Devpi-Serial header, where /+status says only "ok"', async () => {
    const store = new PackageStore(new DevpiClient({ baseUrl: sim.url }));
    expect(await store.serial()).toBe(sim.serial);
    expect((await store.state(false, root)).serial).toBe(sim.serial);
  });

  it("finds devpi-web through the reader's status when devpi withholds it from anonymous callers, and remembers no guess", async () => {
    const store = new PackageStore(new DevpiClient({ baseUrl: sim.url }));
    expect((await store.state()).web).toBe(false);
    expect((await store.state(false, alice)).web).toBe(true);
    expect((await store.state()).web).toBe(true);
  });

  it('reads the lists as the session, per principal set, holding equal lists once', async () => {
    const store = new PackageStore(new DevpiClient({ baseUrl: sim.url }));
    await expect(store.list('root/dev', 'own')).rejects.toMatchObject({ status: 403 });
    const forRoot = await store.list('root/dev', 'own', root);
    const forAlice = await store.list('root/dev', 'all', alice);
    expect(forRoot?.list.names).toEqual(['trimmed-app']);
    expect(forAlice?.list.names).toEqual(['trimmed-app']);
    const config = (await store.configs(alice)).get('root/dev');
    if (!config) throw new Error('root/dev is missing from the root listing');
    expect((await store.ownList('root/dev', config, alice)).list).toBe(forRoot?.list);
  });
});

describe('warm mirror lists', () => {
  it('are loaded at start and served from memory afterwards', async () => {
    const sim = await startDevpiSim();
    try {
      const rootClient = await signedIn(sim, 'root', '');
      await rootClient.createIndex('root', 'up', { bases: [], acl_upload: ['root'] });
      await uploadTo(rootClient, 'up', 'warm-lib');
      await rootClient.createIndex('root', 'mir', { type: 'mirror', mirror_url: `${sim.url}/root/up/+simple/` });
      const simple: string[] = [];
      const counting: FetchFn = (input, init) => {
        if (input.includes('/root/mir/+simple')) simple.push(input);
        return fetch(input, init);
      };
      const store = new PackageStore(new DevpiClient({ baseUrl: sim.url, fetch: counting }));
      const stop = store.keepWarm(60_000);
      try {
        await expect.poll(() => simple.length).toBeGreaterThan(0);
        await expect.poll(async () => (await store.list('root/mir', 'own'))?.list.names).toEqual(['warm-lib']);
        const before = simple.length;
        expect((await store.list('root/mir', 'own'))?.list.names).toEqual(['warm-lib']);
        expect(simple.length).toBe(before);
      } finally {
        stop();
      }
    } finally {
      await sim.close();
    }
  });
});
