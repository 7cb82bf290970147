import type { z } from 'zod';
import type { Logger } from 'pino';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { JobItemState } from '@devpi-dashboard/dashboard-api';
import type { ClassifiedAction } from '../history/classify.js';
import type { FileSizeStore } from '../storage/file-sizes.js';

/** JSON a kind keeps with an item or a plan. */
export type JsonRecord = Record<string, unknown>;

/**
 * Set `spec[RUNS_ALONE] = true` on an item that must finish before the items after it start and
 * run with no other item of the job (creating the index the others fill).
 */
export const RUNS_ALONE = 'runsAlone';

export interface PlannedItem {
  /** Stable and unique within the job (e.g. `user/index/project/version`). */
  key: string;
  /** One line for the items table. */
  label: string;
  /** The item's size; with `unsized`, the sum of the lengths known so far. */
  bytes: number;
  /** Files whose length is not known yet: the kind's `measure` (or `runItem`) learns them. */
  unsized?: number | undefined;
  /** What runItem needs; shown on the job page as the item's detail. */
  spec: JsonRecord;
}

export interface Plan {
  items: PlannedItem[];
  /** Totals and what would be created, kind-specific, shown in the preview. */
  summary: JsonRecord;
  /** The user must type this exactly before the job starts (e.g. a non-volatile index name). */
  confirmText?: string | null;
}

export interface ItemResult {
  state: Exclude<JobItemState, 'pending'>;
  /** devpi's message on failure, or why the item was skipped. */
  message?: string | null;
  /** The bytes actually moved or freed, when they differ from the plan. */
  bytes?: number;
  /** Files still of unknown length after the item ran (0 once runItem measured them). */
  unsized?: number;
  /** Replaces the item's spec (e.g. to add a verified sha256). */
  spec?: JsonRecord;
}

export interface JobContext {
  jobId: string;
  creator: string;
  /** devpi-client acting as the job's creator. */
  devpi: DevpiClient;
  /** Aborted when the job is cancelled or paused, or the lease is lost. */
  signal: AbortSignal;
  logger: Logger;
  now(): number;
  /** File lengths already learned, by sha256 (devpi has no size API: each unknown one is a HEAD). */
  sizes?: FileSizeStore | undefined;
  /**
   * Records the intent in the history (attributed to the job and its creator), runs the devpi
   * change and records its outcome. Every devpi write a kind makes goes through here.
   */
  change<T>(action: ClassifiedAction, run: () => Promise<T>): Promise<T>;
}

/** One batch of measured items (those that changed) and the summary with what they add. */
export interface Measured {
  items: Array<{ seq: number; bytes: number; unsized: number; spec: JsonRecord }>;
  summary: JsonRecord;
}

/**
 * A kind of job. `plan` reads devpi and lists the items (the preview the user confirms);
 * `runItem` does one item and must first check devpi's current state so an item run twice
 * (after a crash between devpi's answer and the store's write) changes nothing the second time;
 * `verify` checks the finished result and may fail items.
 */
export interface JobKind<P extends Record<string, unknown>> {
  name: string;
  description: string;
  params: z.ZodType<P>;
  /** The job's title in lists, from its parameters. */
  title(params: P): string;
  plan(ctx: JobContext, params: P): Promise<Plan>;
  runItem(ctx: JobContext, item: PlannedItem, params: P): Promise<ItemResult>;
  /**
   * Measures what the plan left unknown (file lengths, each a HEAD to devpi) while the job awaits
   * confirmation: the runner calls it a batch of items at a time (those with `unsized > 0`), with the
   * summary as it stands, and saves the items it returns and the new summary together.
   */
  measure?(ctx: JobContext, params: P, items: Array<{ seq: number; item: PlannedItem }>, summary: JsonRecord): Promise<Measured>;
  verify?(ctx: JobContext, params: P, items: AsyncIterable<{ seq: number; item: PlannedItem; state: JobItemState }>): Promise<Array<{ seq: number; message: string }>>;
}
