import { Router, type Request } from 'express';
import {
  bulkAclInputSchema,
  usersCsvInputSchema,
  type BulkAclPreview,
  type GeneratedPasswords,
  type StorageIndexDetail,
  type StorageSummary,
  type UsersCsvPreview,
} from '@devpi-dashboard/dashboard-api';
import { HttpError, notFound, notLoggedIn } from '../errors.js';
import type { HistoryStore } from '../history/history-store.js';
import { historyUnavailable } from '../history/recorder.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';
import { JobStore } from '../jobs/job-store.js';
import type { Store } from '../store/index.js';
import { StorageStore } from '../storage/storage-store.js';
import { previewBulkAcl } from './bulk-acl.js';
import { PasswordVault } from './password-vault.js';
import { previewUsersCsv } from './users-import.js';

export interface LifecycleRouteDeps extends RouteDeps {
  store: Store;
  history?: HistoryStore | undefined;
  replica?: string;
}

/** Rows on the Storage screen's "largest" tables and an index's project list. */
const LARGEST = 25;
const INDEX_PROJECTS = 200;

function userOf(req: Request): string {
  const user = req.devpiSession?.user;
  if (user === undefined) throw notLoggedIn();
  return user;
}

/**
 * Previews of the bulk jobs (read-only: nothing reaches devpi), the storage report the
 * storage-report job keeps, and the one download of a users import's passwords.
 */
export function lifecycleRouter(deps: LifecycleRouteDeps): Router {
  const router = Router();
  const storage = new StorageStore(deps.store);
  const vault = new PasswordVault(deps.store, deps.config.sessionSecret, deps.now);
  const jobs = new JobStore(deps.store);

  router.get('/storage', async (req, res) => {
    userOf(req);
    const body: StorageSummary = await storage.summary(LARGEST);
    res.json(body);
  });

  router.get('/storage/index/:user/:index', async (req, res) => {
    userOf(req);
    const body: StorageIndexDetail = await storage.indexDetail(`${req.params['user'] ?? ''}/${req.params['index'] ?? ''}`, INDEX_PROJECTS);
    res.json(body);
  });

  router.post('/lifecycle/bulk-acl/preview', async (req, res) => {
    const actor = userOf(req);
    const input = parseInput(bulkAclInputSchema, req.body);
    const body: BulkAclPreview = { input, items: await previewBulkAcl(deps.devpiFor(req), actor, input) };
    res.json(body);
  });

  router.post('/lifecycle/users-csv/preview', async (req, res) => {
    userOf(req);
    const input = parseInput(usersCsvInputSchema, req.body);
    const body: UsersCsvPreview = await previewUsersCsv(deps.devpiFor(req), input.csv);
    res.json(body);
  });

  const creatorsJob = async (req: Request, user: string) => {
    const raw = req.params['id'];
    const id = typeof raw === 'string' ? raw : '';
    await vault.sweep();
    const job = id.length > 64 ? undefined : await jobs.get(id);
    if (job === undefined || job.kind !== 'users-csv' || (job.creator !== user && user !== 'root')) throw notFound('This job');
    if (job.creator !== user) throw new HttpError(403, 'forbidden', `Only ${job.creator}, who created these users, can take their passwords.`);
    return job;
  };

  router.get('/lifecycle/users-csv/:id/passwords', async (req, res) => {
    const job = await creatorsJob(req, userOf(req));
    res.json({ waiting: await vault.count(job.id) });
  });

  // Taking the passwords removes them from the store: a state change, so it is in the history.
  router.post('/lifecycle/users-csv/:id/passwords', async (req, res) => {
    const user = userOf(req);
    const job = await creatorsJob(req, user);
    const requestId = String(req.id);
    try {
      await deps.history?.recordIntent({
        requestId,
        at: new Date(deps.now()),
        actor: user,
        clientAddress: req.ip ?? null,
        replica: deps.replica ?? 'local',
        source: 'dashboard',
        jobId: job.id,
        actions: [{ action: 'passwords.download', target: {}, changes: [{ key: 'passwords', op: 'drop', secret: true }] }],
      });
    } catch (error) {
      req.log.error({ err: error }, 'history: intent not recorded; passwords not handed out');
      throw historyUnavailable();
    }
    const passwords = await vault.take(job.id);
    await deps.history
      ?.recordOutcome(requestId, { outcome: { state: 'ok', status: 200, message: `${passwords.length} passwords handed out and wiped` }, serial: null, at: new Date(deps.now()) })
      .catch((error: unknown) => req.log.error({ err: error }, 'history: outcome not recorded'));
    res.setHeader('Cache-Control', 'no-store');
    const body: GeneratedPasswords = { passwords };
    res.json(body);
  });

  return router;
}
