import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';
import type { JobItemState } from '@devpi-dashboard/dashboard-api';
import type { HistoryStore } from '../history/history-store.js';
import type { FileSizeStore } from '../storage/file-sizes.js';
import { errorText, jobContext } from './job-context.js';
import { RUNS_ALONE, type JobContext, type PlannedItem } from './job-kind.js';
import { itemState, parseRecord, toPlanned } from './job-rows.js';
import type { JobItemRow, JobRow, JobStore } from './job-store.js';
import type { JobRegistry, RegisteredKind } from './registry.js';
import type { JobTokenSealer } from './token-sealer.js';

export interface JobRunnerDeps {
  jobs: JobStore;
  registry: JobRegistry;
  history?: HistoryStore | undefined;
  sealer: JobTokenSealer;
  /** Anonymous devpi-client; each job acts as its creator. */
  devpi: DevpiClient;
  /** Names this replica in the history. */
  replica: string;
  /** devpi operations in flight on this replica, across all its jobs. */
  concurrency: number;
  /** How long a lease lasts without a heartbeat; a dead replica's job is taken over after it. */
  leaseMs: number;
  /** How often the runner looks for work nobody holds. */
  pollMs: number;
  /** Pause between two items of one worker: room for pip while a job runs. */
  itemDelayMs: number;
  logger: Logger;
  now: () => number;
  /** File lengths by sha256 the kinds look up before asking devpi. */
  sizes?: FileSizeStore | undefined;
}

export const TOKEN_EXPIRED_REASON = 'Your devpi sign-in for this job has ended. Sign in and resume the job.';

/** A counting semaphore: at most `size` tasks at once. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

class TokenExpired extends Error {}

/** Items measured per batch while a job awaits confirmation: one save, one look at the job's state. */
const MEASURE_BATCH = 32;

const runsAlone = (row: JobItemRow | undefined) => row !== undefined && parseRecord(row.spec)[RUNS_ALONE] === true;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });


/**
 * Runs jobs on this replica. It takes a job's lease in the store (one replica at a time), renews
 * it while working and gives it up when done, paused or stopping; a job whose holder died is
 * taken over once the lease runs out and carries on with its pending items.
 */
export class JobRunner {
  /** Unique per process: a restarted replica does not mistake its old lease for its own. */
  readonly owner: string;
  private readonly slots: Slots;
  private readonly active = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = true;

  constructor(private readonly deps: JobRunnerDeps) {
    this.owner = `${deps.replica}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.slots = new Slots(deps.concurrency);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.poke(), this.deps.pollMs);
    this.timer.unref();
    this.poke();
  }

  /** Looks for work now (a job was created, started or resumed). */
  poke(): void {
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    this.tick()
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'jobs: could not look for work'))
      .finally(() => { this.ticking = false; });
  }

  /** Stops every job this replica runs and gives their leases back, so another replica carries on at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const job of this.active.values()) job.abort.abort();
    await Promise.all([...this.active.values()].map((job) => job.done));
  }

  private async tick(): Promise<void> {
    while (!this.stopped && this.active.size < this.deps.concurrency) {
      const job = await this.deps.jobs.claim(this.owner, this.deps.now(), this.deps.leaseMs, [...this.active.keys()]);
      if (job === undefined) return;
      const abort = new AbortController();
      const done = this.run(job, abort).finally(() => {
        this.active.delete(job.id);
        this.poke();
      });
      this.active.set(job.id, { abort, done });
    }
  }

  private async run(job: JobRow, abort: AbortController): Promise<void> {
    const { jobs, logger } = this.deps;
    const log = logger.child({ job: job.id, kind: job.kind });
    // Aborted when a job that was measuring its sizes leaves awaiting_confirmation (confirmed, cancelled).
    const measuring = new AbortController();
    const beat = setInterval(() => {
      void (async () => {
        const held = await jobs.heartbeat(job.id, this.owner, this.deps.now(), this.deps.leaseMs);
        const current = held ? await jobs.get(job.id) : undefined;
        const awaiting = current?.state === 'awaiting_confirmation' && Number(current.measuring) === 1;
        if (!awaiting && current?.state !== 'planning') measuring.abort();
        if (!held || (current?.state !== 'planning' && current?.state !== 'running' && !awaiting)) abort.abort();
      })().catch((error: unknown) => log.warn({ err: error }, 'jobs: heartbeat failed'));
    }, Math.max(200, Math.floor(this.deps.leaseMs / 3)));
    try {
      const kind = this.deps.registry.get(job.kind);
      if (kind === undefined) {
        await jobs.transition(job.id, ['planning', 'running'], 'failed', this.deps.now(), { reason: `This dashboard does not know jobs of kind "${job.kind}".` });
        return;
      }
      const params = parseRecord(job.params);
      let row: JobRow | undefined = job;
      if (row.state === 'planning') {
        const ctx = this.contextFor(row, abort.signal, log);
        if (ctx === undefined) return await this.pauseForToken(row);
        if (!(await this.plan(row, kind, ctx, params))) return;
        row = await jobs.get(job.id);
      }
      if (row?.state === 'awaiting_confirmation') {
        const signal = AbortSignal.any([abort.signal, measuring.signal]);
        await this.measure(row, kind, this.contextFor(row, signal, log), params, log);
        // Confirmed while measuring: the run starts now, with the token the confirmation sealed.
        row = await jobs.get(job.id);
        if (abort.signal.aborted || row?.state !== 'running' || row.lease_owner !== this.owner) return;
      }
      if (row?.state !== 'running') return;
      const token = this.tokenOf(row);
      if (token === undefined) return await this.pauseForToken(row);
      await this.work(row, kind, this.context(row, token, abort.signal, log), params, token);
    } catch (error) {
      if (error instanceof TokenExpired) {
        await this.pauseForToken(job);
        return;
      }
      if (abort.signal.aborted) return;
      log.error({ err: error }, 'jobs: job failed');
      await jobs.transition(job.id, ['planning', 'running'], 'failed', this.deps.now(), { reason: errorText(error) });
    } finally {
      clearInterval(beat);
      await jobs.release(job.id, this.owner).catch((error: unknown) => log.warn({ err: error }, 'jobs: could not release the lease'));
    }
  }

  /** The creator's devpi token while it is still valid. */
  private tokenOf(row: JobRow): string | undefined {
    const token = row.token_sealed === null ? undefined : this.deps.sealer.open(row.id, row.token_sealed);
    return token === undefined || (row.token_expires !== null && Number(row.token_expires) <= this.deps.now()) ? undefined : token;
  }

  private contextFor(row: JobRow, signal: AbortSignal, logger: Logger): JobContext | undefined {
    const token = this.tokenOf(row);
    return token === undefined ? undefined : this.context(row, token, signal, logger);
  }

  private async pauseForToken(job: JobRow): Promise<void> {
    await this.deps.jobs.transition(job.id, ['planning', 'running'], 'paused', this.deps.now(), { reason: TOKEN_EXPIRED_REASON, pauseReason: 'token_expired', token: null });
  }

  private context(job: JobRow, token: string, signal: AbortSignal, logger: Logger): JobContext {
    return jobContext(this.deps, job, this.deps.devpi.withAuth(job.creator, token).withSignal(signal), signal, logger);
  }


  /** devpi refused: is it the token (pause, ask to sign in) or a real refusal (fail the item)? */
  private async tokenDead(ctx: JobContext, error: unknown, token: string): Promise<boolean> {
    if (!(error instanceof DevpiError) || (error.status !== 401 && error.status !== 403)) return false;
    const status = await this.deps.devpi.withAuth(ctx.creator, token).api().catch(() => undefined);
    return status !== undefined && status.authstatus[0] !== 'ok';
  }

  /** Plans and saves the plan; true when this replica keeps the lease to measure the plan's sizes. */
  private async plan(job: JobRow, kind: RegisteredKind, ctx: JobContext, params: Record<string, unknown>): Promise<boolean> {
    const plan = await kind.plan(ctx, params);
    if (ctx.signal.aborted) return false;
    const measure = kind.measure !== undefined && plan.items.some((item) => (item.unsized ?? 0) > 0);
    const saved = await this.deps.jobs.savePlan(job.id, this.owner, { items: plan.items, summary: plan.summary, confirmText: plan.confirmText ?? null }, this.deps.now(), measure ? this.deps.leaseMs : undefined);
    return saved && measure;
  }

  /**
   * While the job awaits confirmation, measures what the plan left unknown a batch at a time,
   * saving each batch (items and summary) so the job page fills in live. Stops when the job leaves
   * awaiting_confirmation; a replica that dies here leaves `measuring` set, so the next holder of
   * the lease carries on. Measuring is a courtesy to the preview: when it cannot go on (no token,
   * devpi refuses), the run measures what is left item by item.
   */
  private async measure(job: JobRow, kind: RegisteredKind, ctx: JobContext | undefined, params: Record<string, unknown>, log: Logger): Promise<void> {
    const { jobs } = this.deps;
    if (kind.measure === undefined || ctx === undefined) return await jobs.endMeasuring(job.id, this.owner);
    try {
      for (let after = -1; ; ) {
        const current = await jobs.get(job.id);
        if (ctx.signal.aborted || current?.state !== 'awaiting_confirmation' || current.lease_owner !== this.owner) return;
        const batch = await jobs.pendingItems(job.id, after, MEASURE_BATCH, { unsized: true });
        if (batch.length === 0) return await jobs.endMeasuring(job.id, this.owner);
        after = Number(batch.at(-1)?.seq ?? after);
        const measured = await kind.measure(ctx, params, batch.map((row) => ({ seq: Number(row.seq), item: toPlanned(row) })), parseRecord(current.summary));
        if (ctx.signal.aborted) return;
        if (!(await jobs.saveMeasured(job.id, this.owner, measured, this.deps.now()))) return;
      }
    } catch (error) {
      if (ctx.signal.aborted) return;
      log.warn({ err: error }, 'jobs: measuring sizes stopped; the run measures the rest');
      await jobs.endMeasuring(job.id, this.owner);
    }
  }

  private async work(job: JobRow, kind: RegisteredKind, ctx: JobContext, params: Record<string, unknown>, token: string): Promise<void> {
    const { jobs, concurrency, itemDelayMs } = this.deps;
    let after = -1;
    for (;;) {
      if (ctx.signal.aborted) return;
      const current = await jobs.get(job.id);
      if (current?.state !== 'running') return;
      const pending = await jobs.pendingItems(job.id, after, Math.max(8, concurrency * 8));
      if (pending.length === 0) break;
      // An item that runs alone (creating the index the others fill) is a batch of its own.
      const alone = pending.findIndex((row, i) => i > 0 && runsAlone(row));
      const batch = runsAlone(pending[0]) ? pending.slice(0, 1) : alone === -1 ? pending : pending.slice(0, alone);
      after = Number(batch.at(-1)?.seq ?? after);
      let expired = false;
      let blocked: string | undefined;
      const worker = async () => {
        for (let row = batch.shift(); row !== undefined && !ctx.signal.aborted && !expired; row = batch.shift()) {
          const item = row;
          const result = await this.slots.run(async () => {
            try {
              return await kind.runItem(ctx, toPlanned(item), params);
            } catch (error) {
              if (ctx.signal.aborted) return undefined;
              if (await this.tokenDead(ctx, error, token)) {
                expired = true;
                return undefined;
              }
              return { state: 'failed' as const, message: errorText(error) };
            }
          });
          if (result === undefined) return;
          if (result.state === 'failed' && runsAlone(item)) blocked = `${item.label} failed (${result.message ?? 'no message'}), so nothing after it was run.`;
          await jobs.finishItem(job.id, Number(item.seq), { state: result.state, message: result.message ?? null, ...(result.bytes === undefined ? {} : { bytes: result.bytes }), ...(result.unsized === undefined ? {} : { unsized: result.unsized }), ...(result.spec === undefined ? {} : { spec: result.spec }) }, this.deps.now());
          await sleep(itemDelayMs, ctx.signal);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
      if (expired) throw new TokenExpired();
      if (blocked !== undefined) {
        if (await jobs.transition(job.id, ['running'], 'failed', this.deps.now(), { reason: blocked })) await this.recordFinish(job, 'failed', blocked);
        return;
      }
    }
    if (ctx.signal.aborted) return;
    const failures = await kind.verify(ctx, params, this.finishedItems(job.id));
    for (const failure of failures) await jobs.finishItem(job.id, failure.seq, { state: 'failed', message: failure.message }, this.deps.now());
    const tally = await jobs.tally(job.id, 0);
    const reason = tally.failed > 0 ? `${tally.failed} of ${tally.total} items failed.` : null;
    if (await jobs.transition(job.id, ['running'], 'done', this.deps.now(), { reason })) {
      await this.recordFinish(job, tally.failed === 0 ? 'ok' : 'failed', reason);
    }
  }

  private async *finishedItems(id: string): AsyncGenerator<{ seq: number; item: PlannedItem; state: JobItemState }> {
    for await (const row of this.deps.jobs.eachItem(id)) yield { seq: Number(row.seq), item: toPlanned(row), state: itemState(row.state) };
  }

  private async recordFinish(job: JobRow, state: 'ok' | 'failed', message: string | null): Promise<void> {
    const { history, replica, now } = this.deps;
    if (history === undefined) return;
    const requestId = `job-${job.id}-finish`;
    try {
      await history.recordIntent({ requestId, at: new Date(now()), actor: job.creator, clientAddress: null, replica, source: 'dashboard', jobId: job.id, actions: [{ action: 'job.finish', target: {}, changes: [{ key: 'kind', op: 'set', after: job.kind }] }] });
      await history.recordOutcome(requestId, { outcome: { state, status: null, message }, serial: null, at: new Date(now()) });
    } catch (error) {
      this.deps.logger.error({ err: error, job: job.id }, 'history: job end not recorded');
    }
  }
}
