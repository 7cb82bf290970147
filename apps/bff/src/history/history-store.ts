import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import type { HistoryFilter, HistoryOutcome } from '@devpi-dashboard/dashboard-api';
import type { Store } from '../store/index.js';
import type { ClassifiedAction } from './classify.js';
import type { HistoryDatabase, HistoryEntryTable } from './history-table.js';

export type HistoryRow = Selectable<HistoryEntryTable>;

/** Who is looking: root sees everything, anyone else their own actions and their indexes. */
export type HistoryViewer = { kind: 'all' } | { kind: 'user'; user: string };

/** What the recorder knows before the request reaches devpi. */
export interface IntentInput {
  requestId: string;
  at: Date;
  actor: string | null;
  clientAddress: string | null;
  replica: string | null;
  source: 'dashboard' | 'devpi';
  actions: ClassifiedAction[];
  /** Set when a job makes the change. */
  jobId?: string;
}

export interface OutcomeInput {
  outcome: HistoryOutcome;
  serial: number | null;
  at: Date;
  /** Set when the request showed more than the intent knew (an upload's form fields). */
  actions?: ClassifiedAction[];
}

type Where = ExpressionBuilder<HistoryDatabase, 'history_entries'>;

function targetColumns(action: ClassifiedAction) {
  const { target } = action;
  return {
    action: action.action,
    target_user: target.user ?? null,
    target_index: target.index ?? null,
    index_owner: target.index === undefined ? null : (target.index.split('/')[0] ?? null),
    target_project: target.project ?? null,
    project_key: target.project === undefined ? null : normalizeProjectName(target.project),
    target_version: target.version ?? null,
    target_file: target.file ?? null,
    changes: JSON.stringify(action.changes),
  };
}

function matches(eb: Where, filter: HistoryFilter, viewer: HistoryViewer) {
  const and = [];
  if (viewer.kind === 'user') and.push(eb.or([eb('actor', '=', viewer.user), eb('index_owner', '=', viewer.user)]));
  if (filter.actor !== undefined) and.push(eb('actor', '=', filter.actor));
  if (filter.action !== undefined) and.push(eb('action', '=', filter.action));
  if (filter.index !== undefined) and.push(eb('target_index', '=', filter.index));
  if (filter.user !== undefined) and.push(eb.or([eb('target_user', '=', filter.user), eb('index_owner', '=', filter.user)]));
  if (filter.project !== undefined) and.push(eb('project_key', '=', normalizeProjectName(filter.project)));
  if (filter.outcome !== undefined) and.push(eb('outcome', '=', filter.outcome));
  if (filter.from !== undefined) and.push(eb('at', '>=', new Date(filter.from).toISOString()));
  if (filter.to !== undefined) and.push(eb('at', '<', new Date(filter.to).toISOString()));
  return eb.and(and);
}

/** The history's one door to the database: the queries the feature needs, typed, on both dialects. */
export class HistoryStore {
  private readonly db: Kysely<HistoryDatabase>;

  constructor(store: Store) {
    this.db = store.db.withTables<HistoryDatabase>();
  }

  /** Written before devpi sees the request; a throw here means the mutation must not be sent. */
  async recordIntent(intent: IntentInput): Promise<void> {
    if (intent.actions.length === 0) return;
    const at = intent.at.toISOString();
    const rows = intent.actions.map((action, seq) => ({
      id: `${intent.requestId}:${seq}`,
      request_id: intent.requestId,
      seq,
      at,
      actor: intent.actor,
      client_address: intent.clientAddress,
      replica: intent.replica,
      ...targetColumns(action),
      outcome: 'unknown',
      status: null,
      message: null,
      serial: null,
      source: intent.source,
      outcome_at: null,
      reconciled_at: null,
      job_id: intent.jobId ?? null,
    }));
    await this.db.insertInto('history_entries').values(rows).execute();
  }

  async recordOutcome(requestId: string, input: OutcomeInput): Promise<void> {
    const outcome = {
      outcome: input.outcome.state,
      status: input.outcome.status,
      message: input.outcome.message,
      serial: input.serial,
      outcome_at: input.at.toISOString(),
    };
    if (input.actions === undefined) {
      await this.db.updateTable('history_entries').set(outcome).where('request_id', '=', requestId).execute();
      return;
    }
    for (const [seq, action] of input.actions.entries()) {
      await this.db
        .updateTable('history_entries')
        .set({ ...outcome, ...targetColumns(action) })
        .where('request_id', '=', requestId)
        .where('seq', '=', seq)
        .execute();
    }
  }

  /** A page of entries, newest first, and how many match in all. */
  async list(filter: HistoryFilter, viewer: HistoryViewer, offset: number, limit: number): Promise<{ total: number; rows: HistoryRow[] }> {
    const base = this.db.selectFrom('history_entries').where((eb) => matches(eb, filter, viewer));
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('at', 'desc').orderBy('request_id', 'desc').orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(count.n), rows };
  }

  /** Everything matching, newest first, a batch at a time: exports never hold the whole set. */
  async *each(filter: HistoryFilter, viewer: HistoryViewer, batch = 1000): AsyncGenerator<HistoryRow> {
    for (let offset = 0; ; offset += batch) {
      const { rows } = await this.list(filter, viewer, offset, batch);
      yield* rows;
      if (rows.length < batch) return;
    }
  }

  /** The highest serial recorded below `serial`: where a gap before an entry starts. */
  async previousSerial(serial: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('history_entries')
      .select((eb) => eb.fn.max('serial').as('serial'))
      .where('serial', '<', serial)
      .executeTakeFirst();
    return row?.serial === undefined || row.serial === null ? null : Number(row.serial);
  }

  /** Intents whose outcome never came (a crash in between), older than `before`. */
  async unresolved(before: Date, limit = 100): Promise<HistoryRow[]> {
    return this.db
      .selectFrom('history_entries')
      .selectAll()
      .where('outcome', '=', 'unknown')
      .where('reconciled_at', 'is', null)
      .where('at', '<', before.toISOString())
      .orderBy('at')
      .limit(limit)
      .execute();
  }

  /** Upkeep's verdict; `undefined` means devpi cannot tell, and the entry is not asked about again. */
  async resolve(id: string, outcome: HistoryOutcome | undefined, at: Date): Promise<void> {
    const stamp = at.toISOString();
    const settled = outcome === undefined ? {} : { outcome: outcome.state, status: outcome.status, message: outcome.message, outcome_at: stamp };
    await this.db
      .updateTable('history_entries')
      .set({ ...settled, reconciled_at: stamp })
      .where('id', '=', id)
      .execute();
  }

  /** Retention: drops entries older than `before`; returns how many went. */
  async purge(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('history_entries').where('at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
