import { z } from 'zod';
import { API_BASE } from './paths.js';

/**
 * Jobs: long work the BFF runs in the background with its creator's devpi rights. A job plans
 * first (`planning` → `awaiting_confirmation` with the previewed items), runs only once its creator
 * confirms, and can be paused, resumed and cancelled from any replica.
 */
export const jobStates = ['planning', 'awaiting_confirmation', 'running', 'paused', 'cancelled', 'done', 'failed'] as const;
export const jobStateSchema = z.enum(jobStates);
export type JobState = z.infer<typeof jobStateSchema>;

/** States a job never leaves: its token is wiped on entering one. */
export const finishedJobStates: readonly JobState[] = ['cancelled', 'done', 'failed'];

export const jobItemStates = ['pending', 'done', 'skipped', 'failed'] as const;
export const jobItemStateSchema = z.enum(jobItemStates);
export type JobItemState = z.infer<typeof jobItemStateSchema>;

/** Why a job is paused: its creator paused it, or its devpi token ran out. */
export const jobPauseReasons = ['paused', 'token_expired'] as const;
export type JobPauseReason = (typeof jobPauseReasons)[number];

/** A kind name such as `cleanup`; the BFF's registry says which exist (`GET /jobs/kinds`). */
export const jobKindNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A job kind is a short lower-case name.');

export const createJobRequestSchema = z.object({
  kind: jobKindNameSchema,
  /** The kind's own parameters; the kind validates them. */
  params: z.record(z.string(), z.unknown()),
});
export type CreateJobRequest = z.infer<typeof createJobRequestSchema>;

/** Starting a job confirms its preview; some kinds want a typed confirmation (an index name). */
export const startJobRequestSchema = z.object({ confirm: z.string().max(1000).optional() });
export type StartJobRequest = z.infer<typeof startJobRequestSchema>;

export const jobCountersSchema = z.object({
  total: z.number().int().min(0),
  done: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
  left: z.number().int().min(0),
  /** Bytes of the finished items and of the whole plan. */
  bytesDone: z.number().min(0),
  bytesTotal: z.number().min(0),
  /** Files whose length is not known yet: the bytes above count only the known ones. */
  unsized: z.number().int().min(0),
  /** Items per second over the last minute; null before anything finished. */
  itemsPerSecond: z.number().min(0).nullable(),
  bytesPerSecond: z.number().min(0).nullable(),
  /** Seconds to go at the current rate; null when there is no rate. */
  secondsLeft: z.number().min(0).nullable(),
});
export type JobCounters = z.infer<typeof jobCountersSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  creator: z.string(),
  state: jobStateSchema,
  /** Set while paused or failed: what happened, in words for the job page. */
  reason: z.string().nullable(),
  pauseReason: z.enum(jobPauseReasons).nullable(),
  params: z.record(z.string(), z.unknown()),
  /** What the plan found, kind-specific (totals, what would be created). */
  summary: z.record(z.string(), z.unknown()),
  /** The kind asks for this exact text before starting (e.g. a non-volatile index's name). */
  confirmText: z.string().nullable(),
  /** Awaiting confirmation while the file sizes the preview did not know are measured (the page polls). */
  measuring: z.boolean(),
  /** Which replica holds the lease right now, if any. */
  runningOn: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  counters: jobCountersSchema,
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ jobs: z.array(jobSchema) });
export type JobList = z.infer<typeof jobListSchema>;

export const jobItemSchema = z.object({
  seq: z.number().int().min(0),
  key: z.string(),
  label: z.string(),
  state: jobItemStateSchema,
  /** With `unsized`, the lengths known so far. */
  bytes: z.number().min(0),
  /** The item's files whose length is not known yet (being measured). */
  unsized: z.number().int().min(0),
  /** devpi's message on failure, or a note (why it was skipped). */
  message: z.string().nullable(),
  /** What the item acts on, kind-specific (index, project, version, file, sha256). */
  detail: z.record(z.string(), z.unknown()),
  finishedAt: z.string().nullable(),
});
export type JobItem = z.infer<typeof jobItemSchema>;

export const jobItemsQuerySchema = z.object({
  state: jobItemStateSchema.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type JobItemsQuery = z.infer<typeof jobItemsQuerySchema>;

export const jobItemPageSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  items: z.array(jobItemSchema),
});
export type JobItemPage = z.infer<typeof jobItemPageSchema>;

export const jobKindInfoSchema = z.object({ kind: z.string(), description: z.string() });
export const jobKindListSchema = z.object({ kinds: z.array(jobKindInfoSchema) });
export type JobKindList = z.infer<typeof jobKindListSchema>;

export const jobApiPaths = {
  list: `${API_BASE}/jobs`,
  kinds: `${API_BASE}/jobs/kinds`,
  job: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}`,
  items: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/items`,
  itemsCsv: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/items.csv`,
  start: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/start`,
  cancel: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/cancel`,
  pause: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/pause`,
  resume: (id: string) => `${API_BASE}/jobs/${encodeURIComponent(id)}/resume`,
} as const;

/** The job cannot do what was asked in its state (start a running job, resume a finished one). */
export const JOB_STATE_CONFLICT_CODE = 'job_state_conflict';
