import { jobStateSchema, type Job, type JobItem } from '@devpi-dashboard/dashboard-api';
import type { ItemTally, JobItemRow, JobRow } from './job-store.js';
import { itemState, parseRecord } from './job-rows.js';

/** The window the rate is measured over. */
export const RATE_WINDOW_MS = 60_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A stored job as the API shows it, with counters; never the token. */
export function toJob(row: JobRow, tally: ItemTally, now: number): Job {
  const state = jobStateSchema.catch('failed').parse(row.state);
  const started = row.started_at === null ? null : Number(row.started_at);
  const window = started === null ? RATE_WINDOW_MS : Math.max(1_000, Math.min(RATE_WINDOW_MS, now - started));
  const moving = state === 'running' && tally.recentItems > 0;
  const itemsPerSecond = moving ? tally.recentItems / (window / 1000) : null;
  const bytesPerSecond = moving ? tally.recentBytes / (window / 1000) : null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    creator: row.creator,
    state,
    reason: row.reason,
    pauseReason: row.pause_reason === 'paused' || row.pause_reason === 'token_expired' ? row.pause_reason : null,
    params: parseRecord(row.params),
    summary: parseRecord(row.summary),
    confirmText: row.confirm_text,
    measuring: state === 'awaiting_confirmation' && Number(row.measuring) === 1,
    runningOn: row.lease_owner !== null && row.lease_expires !== null && Number(row.lease_expires) > now ? row.lease_owner.split(':')[0] ?? null : null,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    counters: {
      total: tally.total,
      done: tally.done,
      skipped: tally.skipped,
      failed: tally.failed,
      left: tally.pending,
      bytesDone: tally.bytesDone,
      bytesTotal: tally.bytesTotal,
      unsized: tally.unsized,
      itemsPerSecond,
      bytesPerSecond,
      secondsLeft: itemsPerSecond === null || itemsPerSecond === 0 ? null : Math.round(tally.pending / itemsPerSecond),
    },
  };
}

export function toItem(row: JobItemRow): JobItem {
  return {
    seq: Number(row.seq),
    key: row.item_key,
    label: row.label,
    state: itemState(row.state),
    bytes: Number(row.bytes),
    unsized: Number(row.unsized),
    message: row.message,
    detail: parseRecord(row.spec),
    finishedAt: iso(row.finished_at),
  };
}
