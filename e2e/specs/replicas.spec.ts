// The dashboard keeps no state of its own: nginx spreads requests over the replicas it finds
// behind one name, any replica accepts a session another one issued, and a replica going away
// costs the user nothing.
import { sessionSchema } from '@devpi-dashboard/dashboard-api';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';

async function whoAmI(request: APIRequestContext, lbUrl: string, times: number): Promise<(string | null)[]> {
  const users: (string | null)[] = [];
  for (let i = 0; i < times; i += 1) {
    const res = await request.get(`${lbUrl}/+dashboard/api/session`);
    expect(res.status()).toBe(200);
    users.push(sessionSchema.parse(await res.json()).user);
  }
  return users;
}

test('a session survives a dashboard replica going away', async ({ page, app, topology, signIn }) => {
  expect(topology.replicaPids.length).toBeGreaterThanOrEqual(2);
  await signIn('root');
  // nginx rotates the resolved addresses per request: twenty requests reach both replicas
  // (all on one would happen with probability 2^-19), and each accepts the same cookie.
  expect(new Set(await whoAmI(page.request, topology.lbUrl, 20))).toEqual(new Set(['root']));

  const [gone] = topology.replicaPids;
  if (gone === undefined) throw new Error('no replica to stop');
  process.kill(gone, 'SIGTERM');
  await expect.poll(() => {
    try {
      process.kill(gone, 0);
      return 'running';
    } catch {
      return 'gone';
    }
  }).toBe('gone');

  expect(new Set(await whoAmI(page.request, topology.lbUrl, 20))).toEqual(new Set(['root']));
  await page.goto('users');
  await expect(app.shell.heading('Users')).toBeVisible();
});
