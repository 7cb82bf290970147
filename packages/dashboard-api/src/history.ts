import { z } from 'zod';
import { API_BASE } from './paths.js';

/**
 * Stable names of everything the history records. They are an API: exports, filters and saved
 * links use them, so a name is never renamed, only added.
 */
export const historyActions = [
  'user.create',
  'user.modify',
  'user.delete',
  'password.change',
  'index.create',
  'index.modify',
  'index.delete',
  'acl.add',
  'acl.remove',
  'release.upload',
  'release.register',
  'release.remove',
  'project.remove',
  'file.remove',
  'docs.upload',
  'toxresult.upload',
  'release.push',
  'mirror.refresh',
  'osv.import',
  'login.success',
  'login.failure',
  'logout',
  'request.other',
  'token.create',
  'token.revoke',
  'job.create',
  'job.start',
  'job.cancel',
  'job.pause',
  'job.resume',
  'job.finish',
  'passwords.download',
] as const;
export const historyActionSchema = z.enum(historyActions);
export type HistoryAction = z.infer<typeof historyActionSchema>;

/** What a change was made to. Absent parts do not apply (a user change has no index). */
export const historyTargetSchema = z.object({
  user: z.string().optional(),
  index: z.string().optional(),
  project: z.string().optional(),
  version: z.string().optional(),
  file: z.string().optional(),
});
export type HistoryTarget = z.infer<typeof historyTargetSchema>;

/**
 * One change: a devpi list operation (`acl_upload+=bob`) or a value before → after. Secrets never
 * appear: a password change is recorded as `{key: 'password', secret: true}` with no values.
 */
export const historyChangeSchema = z.object({
  key: z.string(),
  op: z.enum(['add', 'remove', 'set', 'drop']),
  value: z.unknown().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  secret: z.boolean().optional(),
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const historyOutcomeStates = ['ok', 'failed', 'unknown'] as const;
export const historyOutcomeSchema = z.object({
  state: z.enum(historyOutcomeStates),
  status: z.number().int().nullable(),
  message: z.string().nullable(),
});
export type HistoryOutcome = z.infer<typeof historyOutcomeSchema>;

/** `dashboard`: recorded by the BFF. `devpi`: taken from devpi's own per-file log. */
export const historySources = ['dashboard', 'devpi'] as const;

export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  clientAddress: z.string().nullable(),
  replica: z.string().nullable(),
  action: historyActionSchema,
  target: historyTargetSchema,
  changes: z.array(historyChangeSchema),
  outcome: historyOutcomeSchema,
  serial: z.number().int().nullable(),
  requestId: z.string().nullable(),
  source: z.enum(historySources),
  /** The job that made this change, when a job did. */
  jobId: z.string().nullable().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Serials devpi moved on by that no recorded change explains. */
export const historyGapSchema = z.object({
  fromSerial: z.number().int(),
  toSerial: z.number().int(),
  count: z.number().int().min(1),
  /** The gap sits just before (older than) the entry with this id. */
  beforeId: z.string(),
});
export type HistoryGap = z.infer<typeof historyGapSchema>;

const optionalText = z.string().trim().min(1).max(400).optional();

/** Filters of `GET /history` and its exports, all optional, combined with AND. */
export const historyQuerySchema = z.object({
  actor: optionalText,
  action: historyActionSchema.optional(),
  /** `user/index`; entries about that index and everything in it. */
  index: optionalText,
  /** Entries about this user account or any of their indexes. */
  user: optionalText,
  project: optionalText,
  outcome: z.enum(historyOutcomeStates).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
export type HistoryFilter = Omit<HistoryQuery, 'offset' | 'limit'>;

/** Beyond this many matches a page says "more than" instead of counting them all. */
export const HISTORY_COUNT_CAP = 1_000;

export const historyPageSchema = z.object({
  /** How many entries match; with `totalCapped`, only that more than this many do. */
  total: z.number().int().min(0),
  /** The count stopped at HISTORY_COUNT_CAP (or at the end of this page, when it lies deeper). */
  totalCapped: z.boolean(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  items: z.array(historyEntrySchema),
  /** Only on unfiltered pages: a filtered page cannot tell what its gaps mean. */
  gaps: z.array(historyGapSchema),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const historyApiPaths = {
  list: `${API_BASE}/history`,
  exportCsv: `${API_BASE}/history/export.csv`,
  exportJson: `${API_BASE}/history/export.json`,
} as const;

/** The store refused the intent: the mutation was not sent to devpi. */
export const HISTORY_UNAVAILABLE_CODE = 'history_unavailable';

function shown(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value);
}

/** One change in plain words, the same in the History screen and the CSV export. */
export function describeChange(change: HistoryChange): string {
  if (change.secret) return `${change.key} changed`;
  switch (change.op) {
    case 'add':
      return `${change.key} += ${String(change.value)}`;
    case 'remove':
      return `${change.key} -= ${String(change.value)}`;
    case 'drop':
      return `${change.key} removed (was ${shown(change.before)})`;
    case 'set':
      return 'before' in change || 'value' in change
        ? `${change.key}: ${shown(change.before)} → ${shown(change.after ?? change.value)}`
        : `${change.key} = ${shown(change.after)}`;
  }
}

/** `user/index/project/version/file`, whichever parts apply. */
export function describeTarget(target: HistoryTarget): string {
  const parts = target.index === undefined ? [target.user] : [target.index, target.project, target.version];
  const path = parts.filter((part) => part !== undefined).join(' ');
  return target.file === undefined ? path : `${path} (${target.file})`.trim();
}
