import { CompiledQuery, sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { normalizeProjectName } from '@devpi-dashboard/devpi-client';
import { HISTORY_COUNT_CAP, type HistoryFilter, type HistoryOutcome } from '@devpi-dashboard/dashboard-api';
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

type Condition = (eb: Where) => Expression<SqlBool>;

/** Where an export's last batch ended: the next starts just older than this entry. */
type After = Pick<HistoryRow, 'at' | 'request_id' | 'seq'>;

/**
 * `index_owner = value`, else `column = value`: the two halves of "about their indexes or the
 * column is them" made disjoint, so each is one index-backed query and their rows add up (UNION
 * ALL) without duplicates. An OR in one query makes both databases read every match to sort or
 * count it. The owner's half, usually the larger, needs no second column, so counting it can stay
 * inside the indexes.
 */
function eitherOf(column: 'actor' | 'target_user', value: string): Condition[] {
  return [
    (eb) => eb('index_owner', '=', value),
    (eb) => eb.and([eb(column, '=', value), eb.or([eb('index_owner', 'is', null), eb('index_owner', '<>', value)])]),
  ];
}

/**
 * The filter and the viewer's restriction as disjoint branches whose union is the matching set: one
 * branch without an OR in it, two for "by them or about their indexes", four with a user filter too.
 */
function branches(filter: HistoryFilter, viewer: HistoryViewer, after?: After): Condition[] {
  const all: Condition[] = [];
  const { actor, action, index, project, outcome, from, to } = filter;
  if (actor !== undefined) all.push((eb) => eb('actor', '=', actor));
  if (action !== undefined) all.push((eb) => eb('action', '=', action));
  if (index !== undefined) all.push((eb) => eb('target_index', '=', index));
  if (project !== undefined) all.push((eb) => eb('project_key', '=', normalizeProjectName(project)));
  if (outcome !== undefined) all.push((eb) => eb('outcome', '=', outcome));
  if (from !== undefined) all.push((eb) => eb('at', '>=', new Date(from).toISOString()));
  if (to !== undefined) all.push((eb) => eb('at', '<', new Date(to).toISOString()));
  if (after !== undefined) {
    // `at <=` is the range an index can seek to; the row value orders ties within one time.
    all.push((eb) => eb('at', '<=', after.at));
    all.push((eb) => eb(eb.refTuple('at', 'request_id', 'seq'), '<', eb.tuple(after.at, after.request_id, after.seq)));
  }
  const groups: Condition[][] = [];
  if (viewer.kind === 'user') groups.push(eitherOf('actor', viewer.user));
  if (filter.user !== undefined) groups.push(eitherOf('target_user', filter.user));
  let conjunctions: Condition[][] = [all];
  for (const group of groups) conjunctions = conjunctions.flatMap((conditions) => group.map((alternative) => [...conditions, alternative]));
  return conjunctions.map((conditions) => (eb) => eb.and(conditions.map((condition) => condition(eb))));
}

/** The history's one door to the database: the queries the feature needs, typed, on both dialects. */
export class HistoryStore {
  private readonly db: Kysely<HistoryDatabase>;

  constructor(store: Store) {
    this.db = store.db.withTables<HistoryDatabase>();
  }

  /** The intent's INSERT by number of rows, compiled once: building it anew took ~0.1 ms of CPU on every mutation's way to devpi. */
  private readonly intentSql = new Map<number, string>();

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
    const values = rows.flatMap((row) => Object.values(row));
    const text = this.intentSql.get(rows.length);
    if (text !== undefined) {
      await this.db.executeQuery(CompiledQuery.raw(text, values));
      return;
    }
    const compiled = this.db.insertInto('history_entries').values(rows).compile();
    // Kept only when Kysely's parameters are exactly the rows' values, row by row and column by
    // column, as the line above sends them; a request holds a few actions, the rare long one (a big
    // ACL edit) is not kept.
    const same = compiled.parameters.length === values.length && compiled.parameters.every((value, i) => value === values[i]);
    if (rows.length <= 16 && same) this.intentSql.set(rows.length, compiled.sql);
    await this.db.executeQuery(compiled);
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

  /**
   * A page of entries, newest first, and how many match: exactly up to HISTORY_COUNT_CAP (or up to
   * the end of this page when it lies deeper); beyond that `capped`, and `total` is the bound. Counting
   * a million rows exactly takes longer than the page itself, on both databases.
   */
  async list(filter: HistoryFilter, viewer: HistoryViewer, offset: number, limit: number): Promise<{ total: number; capped: boolean; rows: HistoryRow[] }> {
    const conditions = branches(filter, viewer);
    const bound = Math.max(HISTORY_COUNT_CAP, offset + limit);
    const [rows, counted] = await Promise.all([this.page(conditions, offset, limit), this.countUpTo(conditions, bound + 1)]);
    return { total: Math.min(counted, bound), capped: counted > bound, rows };
  }

  /** Everything matching, newest first, a batch at a time (each one starts where the last ended). */
  async *each(filter: HistoryFilter, viewer: HistoryViewer, batch = 1000): AsyncGenerator<HistoryRow> {
    let after: After | undefined;
    for (;;) {
      const rows = await this.page(branches(filter, viewer, after), 0, batch);
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < batch) return;
      after = { at: last.at, request_id: last.request_id, seq: last.seq };
    }
  }

  private newestFirst<Q extends SelectQueryBuilder<HistoryDatabase, 'history_entries', HistoryRow>>(query: Q): Q {
    return query.orderBy('at', 'desc').orderBy('request_id', 'desc').orderBy('seq', 'desc') as Q;
  }

  /** One ordered index read per branch, each only as far as this page reaches, then merged. */
  private async page(conditions: Condition[], offset: number, limit: number): Promise<HistoryRow[]> {
    const branch = (condition: Condition) => this.newestFirst(this.db.selectFrom('history_entries').selectAll().where(condition));
    const [first, ...more] = conditions;
    if (first === undefined) return [];
    if (more.length === 0) return branch(first).offset(offset).limit(limit).execute();
    const reach = (condition: Condition) => this.db.selectFrom(branch(condition).limit(offset + limit).as('branch')).selectAll();
    const union = more.reduce((query, condition) => query.unionAll(reach(condition)), reach(first));
    return union.orderBy('at', 'desc').orderBy('request_id', 'desc').orderBy('seq', 'desc').offset(offset).limit(limit).execute();
  }

  /** How many rows match, counting no further than `stop`. */
  private async countUpTo(conditions: Condition[], stop: number): Promise<number> {
    const ones = conditions.map((condition) => this.db.selectFrom('history_entries').select(sql<number>`1`.as('one')).where(condition));
    const [first, ...more] = ones;
    if (first === undefined) return 0;
    const union = more.reduce((query, next) => query.unionAll(next), first);
    const row = await this.db
      .selectFrom(union.limit(stop).as('matching'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
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
