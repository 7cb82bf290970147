import type { JobItemState } from '@devpi-dashboard/dashboard-api';
import { badRequest } from '../errors.js';
import type { ItemResult, JobContext, JobKind, JsonRecord, Measured, Plan, PlannedItem } from './job-kind.js';

/** A kind with its parameter type erased: the runner and routes hold these. */
export interface RegisteredKind {
  name: string;
  description: string;
  /** Validates create parameters; a 400 naming each bad field. */
  parse(raw: unknown): Record<string, unknown>;
  title(params: Record<string, unknown>): string;
  plan(ctx: JobContext, params: Record<string, unknown>): Promise<Plan>;
  runItem(ctx: JobContext, item: PlannedItem, params: Record<string, unknown>): Promise<ItemResult>;
  /** Undefined when the kind's plan knows every size at once. */
  measure: ((ctx: JobContext, params: Record<string, unknown>, items: Array<{ seq: number; item: PlannedItem }>, summary: JsonRecord) => Promise<Measured>) | undefined;
  verify(ctx: JobContext, params: Record<string, unknown>, items: AsyncIterable<{ seq: number; item: PlannedItem; state: JobItemState }>): Promise<Array<{ seq: number; message: string }>>;
}

function erase<P extends Record<string, unknown>>(kind: JobKind<P>): RegisteredKind {
  const typed = (raw: unknown): P => {
    const result = kind.params.safeParse(raw);
    if (result.success) return result.data;
    const fields = Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || '(params)', issue.message]));
    throw badRequest('Some job settings are missing or invalid.', { fields });
  };
  const measure = kind.measure;
  return {
    name: kind.name,
    description: kind.description,
    parse: typed,
    title: (params) => kind.title(typed(params)),
    plan: (ctx, params) => kind.plan(ctx, typed(params)),
    runItem: (ctx, item, params) => kind.runItem(ctx, item, typed(params)),
    measure: measure === undefined ? undefined : (ctx, params, items, summary) => measure.call(kind, ctx, typed(params), items, summary),
    verify: (ctx, params, items) => (kind.verify === undefined ? Promise.resolve([]) : kind.verify(ctx, typed(params), items)),
  };
}

/** The kinds this BFF can run, by name. */
export class JobRegistry {
  private readonly kinds = new Map<string, RegisteredKind>();

  register<P extends Record<string, unknown>>(kind: JobKind<P>): this {
    if (this.kinds.has(kind.name)) throw new Error(`job kind ${kind.name} registered twice`);
    this.kinds.set(kind.name, erase(kind));
    return this;
  }

  get(name: string): RegisteredKind | undefined {
    return this.kinds.get(name);
  }

  list(): RegisteredKind[] {
    return [...this.kinds.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
