import request from 'supertest';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { jobItemPageSchema, jobSchema, type Job, type JobState } from '@devpi-dashboard/dashboard-api';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeSdist, makeWheel } from '@devpi-dashboard/devpi-sim';
import { HistoryStore } from '../../src/history/history-store.js';
import { createJobRunner } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { createStore, type Store } from '../../src/store/index.js';
import { devpiFixture } from './devpi-fixtures.js';
import { listen } from './listen.js';
import { LogCapture, spaHeaders, testApp, testConfig } from './test-app.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A BFF with a job runner (a short lease) in front of the devpi double or DEVPI_URL. */
export async function jobsHarness(options: { leaseMs?: number; store?: Store } = {}) {
  const devpi = await devpiFixture();
  const dir = mkdtempSync(join(tmpdir(), 'bff-jobs-store-'));
  const store = options.store ?? (await createStore({ databaseUrl: undefined, dataDir: dir }));
  const history = new HistoryStore(store);
  const config = testConfig(devpi.target.url);
  const runner = createJobRunner({ config, store, history, logger: createLogger('silent', new LogCapture()), leaseMs: options.leaseMs ?? 3_000, pollMs: 100 });
  const app = await testApp(devpi.target.url, {}, { store, history, jobRunner: runner });
  const bff = await listen(app.app);
  runner.start();
  const cookies = new Map<string, string>();

  const login = async (user: string, password: string) => {
    const res = await request(bff.url).post('/+dashboard/api/session').set(spaHeaders(bff.url)).send({ user, password }).expect(200);
    cookies.set(user, (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '');
  };
  const api = {
    get: (user: string, path: string) => request(bff.url).get(`/+dashboard/api${path}`).set({ Cookie: cookies.get(user) ?? '' }),
    post: (user: string, path: string, body: object = {}) => request(bff.url).post(`/+dashboard/api${path}`).set({ ...spaHeaders(bff.url), Cookie: cookies.get(user) ?? '' }).send(body),
  };
  const job = async (user: string, id: string): Promise<Job> => jobSchema.parse((await api.get(user, `/jobs/${id}`).expect(200)).body);
  /** Polls until the job is in one of `states` (tests never assert on time: only a generous cap). */
  const waitFor = async (user: string, id: string, states: JobState[]): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const current = await job(user, id);
      if (states.includes(current.state)) return current;
      await delay(100);
    }
    throw new Error(`job ${id} never reached ${states.join('/')}`);
  };
  const create = async (user: string, kind: string, params: object): Promise<Job> => {
    const res = await api.post(user, '/jobs', { kind, params });
    if (res.status !== 201) throw new Error(`create ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    return jobSchema.parse(res.body);
  };
  const items = async (user: string, id: string, query = '?limit=500') => jobItemPageSchema.parse((await api.get(user, `/jobs/${id}/items${query}`).expect(200)).body);
  /** A user who owns `user/<index>` and may upload to it, with a client acting as them. */
  const owner = async (prefix: string) => {
    const account = await devpi.user(prefix);
    await login(account.name, account.password);
    const token = (await new DevpiClient({ baseUrl: devpi.target.url }).login(account.name, account.password)).token;
    return { ...account, client: new DevpiClient({ baseUrl: devpi.target.url }).withAuth(account.name, token) };
  };
  const upload = async (client: DevpiClient, index: string, name: string, version: string, kinds: Array<'wheel' | 'sdist'> = ['wheel', 'sdist']) => {
    const [user = '', ix = ''] = index.split('/');
    const files = [];
    for (const kind of kinds) {
      const file = kind === 'wheel' ? makeWheel({ name, version }) : makeSdist({ name, version });
      await client.upload(user, ix, { filename: file.filename, content: file.content, name: file.name, version: file.version });
      files.push(file);
    }
    return files;
  };
  const close = async () => {
    await runner.stop();
    await bff.close();
    await app.close();
    if (options.store === undefined) await store.close();
    rmSync(dir, { recursive: true, force: true });
    await devpi.close();
  };
  return { devpi, store, history, runner, bff, login, api, job, waitFor, create, items, owner, upload, close };
}
