import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { JobItemState, JobPauseReason, JobState } from '@devpi-dashboard/dashboard-api';
import type { Store } from '../store/index.js';
import type { JobDatabase, JobItemTable, JobTable } from './job-tables.js';

export type JobRow = Selectable<JobTable>;
export type JobItemRow = Selectable<JobItemTable>;

/** Who is looking: root sees every job, anyone else their own. */
export type JobViewer = { kind: 'all' } | { kind: 'user'; user: string };

export interface NewJob {
  id: string;
  kind: string;
  title: string;
  creator: string;
  params: Record<string, unknown>;
  tokenSealed: string;
  tokenExpires: number;
  now: number;
}

export interface NewItem {
  key: string;
  label: string;
  bytes: number;
  /** Files whose length is not known yet (measured after the preview); `bytes` counts the others. */
  unsized?: number | undefined;
  spec: Record<string, unknown>;
}

export interface ItemTally {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  pending: number;
  bytesDone: number;
  bytesTotal: number;
  /** Files of all items whose length is not known yet. */
  unsized: number;
  /** Items and bytes finished since `since`. */
  recentItems: number;
  recentBytes: number;
}

/** States a lease may be taken in: the work the runner does (plan, run). */
const LEASED_STATES: readonly JobState[] = ['planning', 'running'];

/** A job the runner has work on: planning, running, or awaiting confirmation with sizes to measure. */
const needsWork = (eb: ExpressionBuilder<JobDatabase, 'jobs'>) =>
  eb.or([eb('state', 'in', LEASED_STATES), eb.and([eb('state', '=', 'awaiting_confirmation'), eb('measuring', '=', 1)])]);
const ITEM_BATCH = 500;

const num = (value: number | string | bigint | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

/** The jobs feature's one door to the database: typed queries on both dialects. */
export class JobStore {
  private readonly db: Kysely<JobDatabase>;

  constructor(store: Store) {
    this.db = store.db.withTables<JobDatabase>();
  }

  async create(job: NewJob): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({
        id: job.id,
        kind: job.kind,
        title: job.title,
        creator: job.creator,
        state: 'planning',
        pause_reason: null,
        reason: null,
        params: JSON.stringify(job.params),
        summary: '{}',
        confirm_text: null,
        token_sealed: job.tokenSealed,
        token_expires: job.tokenExpires,
        lease_owner: null,
        lease_expires: null,
        measuring: 0,
        created_at: job.now,
        updated_at: job.now,
        started_at: null,
        finished_at: null,
      })
      .execute();
  }

  async get(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(viewer: JobViewer, limit = 200): Promise<JobRow[]> {
    let query = this.db.selectFrom('jobs').selectAll();
    if (viewer.kind === 'user') query = query.where('creator', '=', viewer.user);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * Takes the lease of one job that needs work and that nobody holds (or whose holder stopped
   * renewing). The UPDATE is conditional on the lease being free, so of two replicas racing for
   * the same job exactly one sees a changed row.
   */
  async claim(owner: string, now: number, leaseMs: number, exclude: readonly string[]): Promise<JobRow | undefined> {
    let candidates = this.db
      .selectFrom('jobs')
      .select('id')
      .where(needsWork)
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires', '<', now)]));
    if (exclude.length > 0) candidates = candidates.where('id', 'not in', exclude);
    const rows = await candidates.orderBy('created_at').limit(10).execute();
    for (const { id } of rows) {
      const result = await this.db
        .updateTable('jobs')
        .set({ lease_owner: owner, lease_expires: now + leaseMs, updated_at: now })
        .where('id', '=', id)
        .where(needsWork)
        .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires', '<', now)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return this.get(id);
    }
    return undefined;
  }

  /** Renews the lease; false means another replica holds it now and this one must stop. */
  async heartbeat(id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_expires: now + leaseMs })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.db.updateTable('jobs').set({ lease_owner: null, lease_expires: null }).where('id', '=', id).where('lease_owner', '=', owner).execute();
  }

  /**
   * Moves a job from one of `from` to `to`; false when it was in none of them (another replica
   * or request moved it first). Entering a finished state wipes the token.
   */
  async transition(
    id: string,
    from: readonly JobState[],
    to: JobState,
    now: number,
    extra: { reason?: string | null; pauseReason?: JobPauseReason | null; token?: { sealed: string; expires: number } | null; started?: boolean } = {},
  ): Promise<boolean> {
    const finished = to === 'cancelled' || to === 'done' || to === 'failed';
    const result = await this.db
      .updateTable('jobs')
      .set({
        state: to,
        updated_at: now,
        ...(extra.reason === undefined ? {} : { reason: extra.reason }),
        ...(extra.pauseReason === undefined ? {} : { pause_reason: extra.pauseReason }),
        ...(extra.token ? { token_sealed: extra.token.sealed, token_expires: extra.token.expires } : {}),
        ...(finished || extra.token === null ? { token_sealed: null, token_expires: null } : {}),
        ...(finished ? { finished_at: now, lease_owner: null, lease_expires: null } : {}),
        ...(extra.started ? { started_at: now } : {}),
      })
      .where('id', '=', id)
      .where('state', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Stores the plan: items, summary and the confirmation text, then awaits confirmation. With
   * `measureLeaseMs` the job is marked measuring and `owner` keeps the lease to measure its sizes.
   */
  async savePlan(id: string, owner: string, plan: { items: NewItem[]; summary: Record<string, unknown>; confirmText: string | null }, now: number, measureLeaseMs?: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('job_items').where('job_id', '=', id).execute();
      for (let start = 0; start < plan.items.length; start += ITEM_BATCH) {
        const rows = plan.items.slice(start, start + ITEM_BATCH).map((item, offset) => ({
          job_id: id,
          seq: start + offset,
          item_key: item.key,
          label: item.label,
          state: 'pending',
          bytes: item.bytes,
          unsized: item.unsized ?? 0,
          spec: JSON.stringify(item.spec),
          message: null,
          finished_at: null,
        }));
        await trx.insertInto('job_items').values(rows).execute();
      }
      const result = await trx
        .updateTable('jobs')
        .set({
          state: 'awaiting_confirmation',
          summary: JSON.stringify(plan.summary),
          confirm_text: plan.confirmText,
          updated_at: now,
          ...(measureLeaseMs === undefined ? { measuring: 0, lease_owner: null, lease_expires: null } : { measuring: 1, lease_expires: now + measureLeaseMs }),
        })
        .where('id', '=', id)
        .where('state', '=', 'planning')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new PlanSuperseded();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof PlanSuperseded) return false;
      throw error;
    });
  }

  /** Pending items in order, from `afterSeq` on; with `unsized`, only those whose sizes are still to be measured. */
  async pendingItems(id: string, afterSeq: number, limit: number, only: { unsized?: boolean } = {}): Promise<JobItemRow[]> {
    let query = this.db.selectFrom('job_items').selectAll().where('job_id', '=', id).where('state', '=', 'pending').where('seq', '>', afterSeq);
    if (only.unsized) query = query.where('unsized', '>', 0);
    return query.orderBy('seq').limit(limit).execute();
  }

  /**
   * Saves one batch of measured sizes and the summary they change, together, while `owner` holds
   * the lease (false, nothing saved, when it does not). Only pending items change.
   */
  async saveMeasured(id: string, owner: string, measured: { items: Array<{ seq: number; bytes: number; unsized: number; spec: Record<string, unknown> }>; summary: Record<string, unknown> }, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const held = await trx.updateTable('jobs').set({ summary: JSON.stringify(measured.summary), updated_at: now }).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
      if (Number(held.numUpdatedRows) !== 1) return false;
      for (const item of measured.items) {
        await trx
          .updateTable('job_items')
          .set({ bytes: item.bytes, unsized: item.unsized, spec: JSON.stringify(item.spec) })
          .where('job_id', '=', id)
          .where('seq', '=', item.seq)
          .where('state', '=', 'pending')
          .execute();
      }
      return true;
    });
  }

  /** Measuring is over (every size known, or it cannot go on): the job is no longer claimed for it. */
  async endMeasuring(id: string, owner: string): Promise<void> {
    await this.db.updateTable('jobs').set({ measuring: 0 }).where('id', '=', id).where('lease_owner', '=', owner).execute();
  }

  /** Every item in order, a batch at a time (verification, CSV). */
  async *eachItem(id: string, batch = 1000): AsyncGenerator<JobItemRow> {
    for (let after = -1; ; ) {
      const rows = await this.db.selectFrom('job_items').selectAll().where('job_id', '=', id).where('seq', '>', after).orderBy('seq').limit(batch).execute();
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < batch) return;
      after = Number(last.seq);
    }
  }

  async items(id: string, state: JobItemState | undefined, offset: number, limit: number): Promise<{ total: number; rows: JobItemRow[] }> {
    let base = this.db.selectFrom('job_items').where('job_id', '=', id);
    if (state !== undefined) base = base.where('state', '=', state);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('seq').offset(offset).limit(limit).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(count.n), rows };
  }

  /** Records an item's result, only while the job is still held by `owner`. */
  async finishItem(id: string, seq: number, result: { state: Exclude<JobItemState, 'pending'>; message: string | null; bytes?: number; unsized?: number; spec?: Record<string, unknown> }, now: number): Promise<void> {
    await this.db
      .updateTable('job_items')
      .set({
        state: result.state,
        message: result.message,
        finished_at: now,
        ...(result.bytes === undefined ? {} : { bytes: result.bytes }),
        ...(result.unsized === undefined ? {} : { unsized: result.unsized }),
        ...(result.spec === undefined ? {} : { spec: JSON.stringify(result.spec) }),
      })
      .where('job_id', '=', id)
      .where('seq', '=', seq)
      .execute();
  }

  async tally(id: string, since: number): Promise<ItemTally> {
    const rows = await this.db
      .selectFrom('job_items')
      .select((eb) => ['state', eb.fn.countAll().as('n'), eb.fn.sum('bytes').as('bytes'), eb.fn.sum('unsized').as('unsized')])
      .where('job_id', '=', id)
      .groupBy('state')
      .execute();
    const recent = await this.db
      .selectFrom('job_items')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('bytes').as('bytes')])
      .where('job_id', '=', id)
      .where('finished_at', '>=', since)
      .executeTakeFirstOrThrow();
    const tally: ItemTally = { total: 0, done: 0, skipped: 0, failed: 0, pending: 0, bytesDone: 0, bytesTotal: 0, unsized: 0, recentItems: num(recent.n), recentBytes: num(recent.bytes) };
    for (const row of rows) {
      const n = num(row.n);
      const bytes = num(row.bytes);
      tally.total += n;
      tally.bytesTotal += bytes;
      tally.unsized += num(row.unsized);
      if (row.state === 'done' || row.state === 'skipped' || row.state === 'failed' || row.state === 'pending') tally[row.state] += n;
      if (row.state === 'done') tally.bytesDone += bytes;
    }
    return tally;
  }
}

class PlanSuperseded extends Error {}
