// `GET /config` on a devpi-server that runs the devpi-admin plugin, which tells anonymous callers
// of /+status only that the server is up: the double started trimmed answers as devpi-admin's
// source does (packages/devpi-sim/src/trimmed.ts). Plain devpi is covered in dashboard-api.test.ts.
import { dashboardConfigSchema, CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { startDevpiSim, type DevpiSim } from '@devpi-dashboard/devpi-sim';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp } from './support/test-app.js';

describe('config where devpi withholds /+status from anonymous callers', () => {
  let sim: DevpiSim;
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    sim = await startDevpiSim({ trimmed: true });
    app = await testApp(sim.url);
  });
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  const config = async (cookie?: string) => {
    const req = request(app.app).get('/+dashboard/api/config');
    return dashboardConfigSchema.parse((await (cookie === undefined ? req : req.set('Cookie', cookie)).expect(200)).body);
  };

  it('answers anonymous callers without search or a version, warning about nothing, and signed-in ones with what their own status shows', async () => {
    const anonymous = await config();
    expect(anonymous.searchAvailable).toBe(false);
    expect(anonymous.devpiVersion).toBeNull();
    await config();

    const login = await request(app.app)
      .post('/+dashboard/api/session')
      .set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' })
      .send({ user: 'root', password: '' })
      .expect(200);
    const cookie = (z.array(z.string()).parse(login.headers['set-cookie']).find((c) => c.startsWith('devpi_dashboard_session=')) ?? '').split(';')[0] ?? '';
    const signedIn = await config(cookie);
    expect(signedIn.searchAvailable).toBe(true);
    expect(signedIn.devpiVersion).toMatch(/^\d+\.\d+/);
    // devpi tells anonymous callers nothing more, and neither does the dashboard
    expect(await config()).toMatchObject({ searchAvailable: false, devpiVersion: null });
    expect((await config(cookie)).devpiVersion).toBe(signedIn.devpiVersion);

    const logged = app.logs.lines.map((line) => z.object({ level: z.number(), msg: z.string() }).loose().parse(JSON.parse(line)));
    expect(logged.filter((line) => line.msg.includes('/+status'))).toEqual([expect.objectContaining({ level: 30 })]);
  });
});
