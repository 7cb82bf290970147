import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isStageIndex, op } from '@devpi-dashboard/devpi-client';
import { dashboardConfigSchema, indexListSchema, uploadExplanationSchema, uploadMatrixSchema, usersPageSchema, CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { devpiFixture } from './support/devpi-fixtures.js';
import { testApp } from './support/test-app.js';

const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' };

describe('the dashboard API', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  let alice: { name: string; password: string };
  let bob: { name: string; password: string };
  let cookie: string;
  const ix = (name: string) => `${alice.name}/${name}`;

  beforeAll(async () => {
    devpi = await devpiFixture();
    alice = await devpi.user('alice');
    bob = await devpi.user('bob');
    await devpi.root.createIndex(alice.name, 'dev', { bases: [] });
    await devpi.root.createIndex(alice.name, 'team', { bases: [], acl_upload: [bob.name, ':AUTHENTICATED:'] });
    await devpi.root.createIndex(alice.name, 'open', { bases: [], acl_upload: [':ANONYMOUS:', `${bob.name}-ghost`] });
    await devpi.root.createIndex(alice.name, 'mirror', { type: 'mirror', mirror_url: 'https://pypi.org/simple/' });
    app = await testApp(devpi.target.url);
    const res = await request(app.app).post('/+dashboard/api/session').set(csrf).send({ user: alice.name, password: alice.password }).expect(200);
    cookie = (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    app?.close();
    await devpi?.close();
  });

  it('is ready when devpi answers', async () => {
    await request(app.app).get('/readyz').expect(200, { status: 'ready' });
  });

  it('serves the public config', async () => {
    const res = await request(app.app).get('/+dashboard/api/config').expect(200);
    const config = dashboardConfigSchema.parse(res.body);
    expect(config.publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(typeof config.searchAvailable).toBe('boolean');
  });

  it('lists users with their indexes, searchable and paged', async () => {
    const res = await request(app.app).get('/+dashboard/api/users').query({ q: alice.name }).set('Cookie', cookie).expect(200);
    const page = usersPageSchema.parse(res.body);
    expect(page.total).toBe(1);
    expect(page.items[0]?.username).toBe(alice.name);
    expect(page.items[0]?.indexes.map((i) => i.name)).toEqual(['dev', 'mirror', 'open', 'team']);
    const byEmail = usersPageSchema.parse((await request(app.app).get('/+dashboard/api/users').query({ q: `${bob.name}@example` }).expect(200)).body);
    expect(byEmail.items.map((u) => u.username)).toEqual([bob.name]);
    const paged = usersPageSchema.parse((await request(app.app).get('/+dashboard/api/users').query({ limit: 1, offset: 1 }).expect(200)).body);
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
    await request(app.app).get('/+dashboard/api/users').query({ limit: 0 }).expect(400);
  });

  it('groups indexes by owner with warnings', async () => {
    const list = indexListSchema.parse((await request(app.app).get('/+dashboard/api/indexes').expect(200)).body);
    const group = list.owners.find((o) => o.owner === alice.name);
    const open = group?.indexes.find((i) => i.name === ix('open'));
    expect(open?.warnings.map((w) => w.code).sort()).toEqual(['acl_unknown_user', 'anonymous_upload']);
    expect(group?.indexes.find((i) => i.name === ix('mirror'))).toMatchObject({ type: 'mirror', mirrorUrl: 'https://pypi.org/simple/' });
  });

  it('builds the users x indexes upload matrix with reasons', async () => {
    // One query per user, so the rows are found on a devpi with any number of users.
    const rows = new Map<string, z.infer<typeof uploadMatrixSchema>>();
    for (const user of [alice.name, bob.name, 'root']) {
      const res = await request(app.app).get('/+dashboard/api/permissions/upload-matrix').query({ index: alice.name, q: user }).expect(200);
      rows.set(user, uploadMatrixSchema.parse(res.body));
    }
    const cell = (user: string, index: string) =>
      rows.get(user)?.rows.find((r) => r.user === user)?.cells.find((c) => c.index === ix(index));
    expect(cell(alice.name, 'dev')).toMatchObject({ allowed: true, reason: 'acl_user' });
    expect(cell(bob.name, 'dev')).toMatchObject({ allowed: false, reason: 'not_listed' });
    expect(cell(bob.name, 'team')).toMatchObject({ allowed: true, reason: 'acl_user' });
    expect(cell(alice.name, 'team')).toMatchObject({ allowed: true, reason: 'acl_authenticated' });
    expect(cell(bob.name, 'open')).toMatchObject({ allowed: true, reason: 'acl_anonymous' });
    expect(cell(alice.name, 'mirror')).toMatchObject({ allowed: false, reason: 'mirror' });
    expect(cell('root', 'dev')).toMatchObject({ allowed: false, reason: 'not_listed' });
  });

  it("explains why someone can't upload", async () => {
    const res = await request(app.app).get('/+dashboard/api/permissions/upload-explain').query({ user: 'root', index: ix('dev') }).expect(200);
    const answer = uploadExplanationSchema.parse(res.body);
    expect(answer).toMatchObject({ allowed: false, reason: 'not_listed', userExists: true, aclUpload: [alice.name] });
    expect(answer.remedies).toEqual([`Add root to acl_upload of ${ix('dev')}: acl_upload+=root.`]);
    const anonymous = uploadExplanationSchema.parse(
      (await request(app.app).get('/+dashboard/api/permissions/upload-explain').query({ user: ':ANONYMOUS:', index: ix('team') }).expect(200)).body,
    );
    expect(anonymous).toMatchObject({ allowed: false, reason: 'not_listed' });
    await request(app.app).get('/+dashboard/api/permissions/upload-explain').query({ user: 'root', index: `${alice.name}/nope` }).expect(404);
    await request(app.app).get('/+dashboard/api/permissions/upload-explain').query({ user: 'root', index: 'no-slash' }).expect(400);
  });

  it('changes an index through the proxy with list operations only', async () => {
    const patch = (body: unknown) =>
      request(app.app)
        .patch(`/+dashboard/api/devpi/${ix('dev')}`)
        .set({ ...csrf, Cookie: cookie, Accept: 'application/json', 'Content-Type': 'application/json' })
        .send(JSON.stringify(body));
    await patch([op.add('acl_upload', bob.name)]).expect(200);
    await patch({ acl_upload: [alice.name] }).expect(400);
    const config = await devpi.root.getIndex(alice.name, 'dev', { noProjects: true });
    expect(config && isStageIndex(config) && config.acl_upload).toEqual([alice.name, bob.name]);
  });
});
