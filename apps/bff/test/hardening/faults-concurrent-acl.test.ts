import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE } from '@devpi-dashboard/dashboard-api';
import { sessionCookieOf, spa, startBff, startHardened, type BffInstance, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const tally = new Tally('faults-concurrent-acl');
const CHANGES_PER_ADMIN = 10;

let h: Hardened;
let replicaB: BffInstance;
let owner: string;

beforeAll(async () => {
  h = await startHardened();
  // A second replica with the same secret: admins land on either, as behind nginx.
  replicaB = await startBff(h.proxy.url);
  owner = (await h.devpi.user('shared')).name;
});

afterAll(async () => {
  tally.write();
  await replicaB?.close();
  await h?.close();
});

async function loginAt(bff: { url: string }): Promise<string> {
  const res = await fetch(`${bff.url}/+dashboard/api/session`, { method: 'POST', headers: spa(bff.url), body: JSON.stringify({ user: 'root', password: h.devpi.target.rootPassword }) });
  const cookie = sessionCookieOf(res);
  if (cookie === undefined) throw new Error(`root login failed: ${res.status}`);
  return cookie;
}

const aclOf = async (index: string) => z.array(z.string()).parse((await h.root.getIndex(owner, index, { noProjects: true }))?.acl_upload ?? []);

describe('admins changing one index’s upload permissions at the same time', () => {
  it.each([2, 5, 10])('%i admins, each adding and removing people: every change is there at the end', async (admins) => {
    const index = `acl-${admins}`;
    const removable = Array.from({ length: admins * (CHANGES_PER_ADMIN / 2) }, (_, i) => `old-${i}`);
    await h.root.createIndex(owner, index, { type: 'stage', acl_upload: [owner, ...removable] });
    const replicas = [h.bff, replicaB];
    const sessions = await Promise.all(Array.from({ length: admins }, (_, a) => loginAt(replicas[a % 2] ?? h.bff).then((cookie) => ({ a, cookie, bff: replicas[a % 2] ?? h.bff }))));
    // devpi answering a little slowly widens the window in which the changes overlap.
    h.proxy.plan({ kind: 'slow', delayMs: 5 });

    const statuses: number[] = [];
    await Promise.all(
      sessions.flatMap(({ a, cookie, bff }) =>
        Array.from({ length: CHANGES_PER_ADMIN }, async (_, c) => {
          const op = c % 2 === 0 ? `acl_upload+=new-${a}-${c}` : `acl_upload-=old-${a * (CHANGES_PER_ADMIN / 2) + (c - 1) / 2}`;
          const res = await fetch(`${bff.url}${DEVPI_PROXY_BASE}/${owner}/${index}`, { method: 'PATCH', headers: { ...spa(bff.url), Cookie: cookie }, body: JSON.stringify([op]) });
          statuses.push(res.status);
          await res.arrayBuffer();
        }),
      ),
    );
    h.proxy.plan({ kind: 'pass' });

    expect(statuses).toHaveLength(admins * CHANGES_PER_ADMIN);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const added = sessions.flatMap(({ a }) => Array.from({ length: CHANGES_PER_ADMIN / 2 }, (_, k) => `new-${a}-${k * 2}`));
    expect((await aclOf(index)).sort()).toEqual([owner, ...added].sort());
    tally.add('concurrent permission changes', statuses.length);
    await h.root.deleteIndex(owner, index);
  });
});
