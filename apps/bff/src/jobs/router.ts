import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import {
  JOB_STATE_CONFLICT_CODE,
  createJobRequestSchema,
  jobItemsQuerySchema,
  startJobRequestSchema,
  type HistoryAction,
  type JobItemPage,
  type JobKindList,
  type JobList,
  type JobState,
} from '@devpi-dashboard/dashboard-api';
import { HttpError, badRequest, notFound, notLoggedIn } from '../errors.js';
import type { HistoryStore } from '../history/history-store.js';
import { historyUnavailable } from '../history/recorder.js';
import { csvCell } from '../history/export.js';
import type { RouteDeps } from '../http/route-deps.js';
import { parseInput } from '../http/validate.js';
import type { SessionData } from '../session/session-cookie.js';
import type { JobRow, JobStore, JobViewer } from './job-store.js';
import { RATE_WINDOW_MS, toItem, toJob } from './job-view.js';
import type { JobRegistry } from './registry.js';
import type { JobTokenSealer } from './token-sealer.js';

export interface JobRouteDeps extends RouteDeps {
  jobs: JobStore;
  registry: JobRegistry;
  sealer: JobTokenSealer;
  history?: HistoryStore | undefined;
  replica?: string;
  /** Tells this replica's runner there is work; absent when no runner runs here (tests). */
  pokeRunner?: () => void;
}

const conflict = (message: string) => new HttpError(409, JOB_STATE_CONFLICT_CODE, message);

function sessionOf(req: Request): SessionData {
  const session = req.devpiSession;
  if (session === undefined) throw notLoggedIn();
  return session;
}

const viewerOf = (session: SessionData): JobViewer => (session.user === 'root' ? { kind: 'all' } : { kind: 'user', user: session.user });

/** `/jobs`: create (plans first), list, show with counters and items, start, cancel, pause, resume. */
export function jobsRouter(deps: JobRouteDeps): Router {
  const router = Router();
  const { jobs } = deps;

  const view = async (row: JobRow) => toJob(row, await jobs.tally(row.id, deps.now() - RATE_WINDOW_MS), deps.now());

  /** The job if the session may see it: its creator, or root. Anyone else gets a 404, not a hint. */
  const visibleJob = async (req: Request, session: SessionData): Promise<JobRow> => {
    const raw = req.params['id'];
    const id = typeof raw === 'string' ? raw : '';
    const row = id.length > 64 ? undefined : await jobs.get(id);
    if (row === undefined || (session.user !== 'root' && row.creator !== session.user)) throw notFound('This job');
    return row;
  };

  /**
   * Records a job action like any other mutation: the intent first (a store that cannot take it
   * refuses the action), then the outcome.
   */
  const recorded = async <T>(req: Request, session: SessionData, action: HistoryAction, row: { id: string; kind: string }, run: () => Promise<T>): Promise<T> => {
    const requestId = String(req.id);
    const history = deps.history;
    if (history !== undefined) {
      try {
        await history.recordIntent({
          requestId,
          at: new Date(deps.now()),
          actor: session.user,
          clientAddress: req.ip ?? null,
          replica: deps.replica ?? 'local',
          source: 'dashboard',
          jobId: row.id,
          actions: [{ action, target: {}, changes: [{ key: 'kind', op: 'set', after: row.kind }] }],
        });
      } catch (error) {
        req.log.error({ err: error }, 'history: intent not recorded; job action refused');
        throw historyUnavailable();
      }
    }
    let result: T;
    try {
      result = await run();
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      await history?.recordOutcome(requestId, { outcome: { state: 'failed', status, message }, serial: null, at: new Date(deps.now()) })
        .catch((failure: unknown) => req.log.error({ err: failure }, 'history: outcome not recorded'));
      throw error;
    }
    // The action has happened: a store that cannot take its outcome is logged, not reported as the action failing.
    await history?.recordOutcome(requestId, { outcome: { state: 'ok', status: 200, message: null }, serial: null, at: new Date(deps.now()) })
      .catch((failure: unknown) => req.log.error({ err: failure }, 'history: outcome not recorded'));
    return result;
  };

  /** Moves the job or says why it cannot move. */
  const move = async (row: JobRow, from: readonly JobState[], to: JobState, extra: Parameters<JobStore['transition']>[4] = {}) => {
    if (!from.includes(row.state as JobState) || !(await jobs.transition(row.id, from, to, deps.now(), extra))) {
      const current = (await jobs.get(row.id))?.state ?? row.state;
      throw conflict(`This job is ${current.replace('_', ' ')}; it cannot be moved to ${to.replace('_', ' ')} now.`);
    }
  };

  const freshToken = (id: string, session: SessionData) => ({ sealed: deps.sealer.seal(id, session.token), expires: session.exp * 1000 });

  router.get('/jobs/kinds', (req, res) => {
    sessionOf(req);
    const body: JobKindList = { kinds: deps.registry.list().map((kind) => ({ kind: kind.name, description: kind.description })) };
    res.json(body);
  });

  router.get('/jobs', async (req, res) => {
    const session = sessionOf(req);
    const rows = await jobs.list(viewerOf(session));
    const body: JobList = { jobs: await Promise.all(rows.map(view)) };
    res.json(body);
  });

  router.post('/jobs', async (req, res) => {
    const session = sessionOf(req);
    const input = parseInput(createJobRequestSchema, req.body);
    const kind = deps.registry.get(input.kind);
    if (kind === undefined) throw badRequest(`There is no job kind "${input.kind}".`, { fields: { kind: 'unknown job kind' } });
    const params = kind.parse(input.params);
    const id = randomUUID();
    await recorded(req, session, 'job.create', { id, kind: kind.name }, () =>
      jobs.create({ id, kind: kind.name, title: kind.title(params).slice(0, 500), creator: session.user, params, tokenSealed: deps.sealer.seal(id, session.token), tokenExpires: session.exp * 1000, now: deps.now() }),
    );
    deps.pokeRunner?.();
    const row = await jobs.get(id);
    if (row === undefined) throw notFound('This job');
    res.status(201).json(await view(row));
  });

  router.get('/jobs/:id', async (req, res) => {
    res.json(await view(await visibleJob(req, sessionOf(req))));
  });

  router.get('/jobs/:id/items', async (req, res) => {
    const row = await visibleJob(req, sessionOf(req));
    const query = parseInput(jobItemsQuerySchema, req.query);
    const page = await jobs.items(row.id, query.state, query.offset, query.limit);
    const body: JobItemPage = { total: page.total, offset: query.offset, limit: query.limit, items: page.rows.map(toItem) };
    res.json(body);
  });

  router.get('/jobs/:id/items.csv', async (req, res) => {
    const row = await visibleJob(req, sessionOf(req));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="job-${row.id}-items.csv"`);
    res.write(`${['seq', 'item', 'state', 'bytes', 'message', 'detail'].map(csvCell).join(',')}\r\n`);
    for await (const item of jobs.eachItem(row.id)) {
      const shown = toItem(item);
      // An item with a file still unmeasured has no size yet: the cell stays empty rather than say too little.
      res.write(`${[shown.seq, shown.label, shown.state, shown.unsized > 0 ? null : shown.bytes, shown.message, JSON.stringify(shown.detail)].map(csvCell).join(',')}\r\n`);
    }
    res.end();
  });

  router.post('/jobs/:id/start', async (req, res) => {
    const session = sessionOf(req);
    const row = await visibleJob(req, session);
    const input = parseInput(startJobRequestSchema, req.body ?? {});
    if (row.creator !== session.user) throw new HttpError(403, 'forbidden', `Only ${row.creator}, who created this job, can start it: it runs with their devpi rights.`);
    if (row.confirm_text !== null && input.confirm !== row.confirm_text) {
      throw badRequest(`Type ${row.confirm_text} to confirm.`, { fields: { confirm: 'does not match' } });
    }
    await recorded(req, session, 'job.start', row, () => move(row, ['awaiting_confirmation'], 'running', { started: true, token: freshToken(row.id, session), reason: null }));
    deps.pokeRunner?.();
    res.json(await view((await jobs.get(row.id)) ?? row));
  });

  router.post('/jobs/:id/cancel', async (req, res) => {
    const session = sessionOf(req);
    const row = await visibleJob(req, session);
    await recorded(req, session, 'job.cancel', row, () => move(row, ['planning', 'awaiting_confirmation', 'running', 'paused'], 'cancelled', { reason: `Cancelled by ${session.user}.` }));
    res.json(await view((await jobs.get(row.id)) ?? row));
  });

  router.post('/jobs/:id/pause', async (req, res) => {
    const session = sessionOf(req);
    const row = await visibleJob(req, session);
    await recorded(req, session, 'job.pause', row, () => move(row, ['running'], 'paused', { reason: `Paused by ${session.user}.`, pauseReason: 'paused' }));
    res.json(await view((await jobs.get(row.id)) ?? row));
  });

  router.post('/jobs/:id/resume', async (req, res) => {
    const session = sessionOf(req);
    const row = await visibleJob(req, session);
    if (row.creator !== session.user) throw new HttpError(403, 'forbidden', `Only ${row.creator}, who created this job, can resume it: it runs with their devpi rights.`);
    // A job paused while planning resumes planning; any other resumes running.
    const to: JobState = row.started_at === null ? 'planning' : 'running';
    await recorded(req, session, 'job.resume', row, () => move(row, ['paused'], to, { reason: null, pauseReason: null, token: freshToken(row.id, session) }));
    deps.pokeRunner?.();
    res.json(await view((await jobs.get(row.id)) ?? row));
  });

  return router;
}
