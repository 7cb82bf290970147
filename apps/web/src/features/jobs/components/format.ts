import type { Job, JobItem, JobItemState, JobState } from '@devpi-dashboard/dashboard-api';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024, as file managers show). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit] ?? 'B'}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** An item's size in the table: a file whose length is not known yet never shows as 0. */
export function itemSize(item: Pick<JobItem, 'bytes' | 'unsized'>, measuring: boolean): string {
  if (item.unsized === 0) return formatBytes(item.bytes);
  const pending = measuring ? 'measuring…' : 'not measured yet';
  return item.bytes > 0 ? `at least ${formatBytes(item.bytes)}, ${pending}` : pending;
}

/** A total of bytes that may still grow: "at least" while some file lengths are unknown. */
export const bytesSoFar = (job: Job, bytes: number): string => `${job.counters.unsized > 0 ? 'at least ' : ''}${formatBytes(bytes)}`;

/**
 * The line a preview shows while its file sizes are measured ("Measuring file sizes: 3,200 of
 * 8,000 files"), or once confirmed with some still unknown; null when every size is known.
 */
export function measuringLine(job: Job): string | null {
  const { unsized, bytesTotal } = job.counters;
  if (unsized === 0) return null;
  const files = job.summary['filesToRemove'];
  const progress = typeof files === 'number' && files >= unsized ? `${count(files - unsized)} of ${count(files)} files` : `${count(unsized)} files left`;
  const total = `at least ${formatBytes(bytesTotal)} so far`;
  if (job.measuring) return `Measuring file sizes: ${progress}, ${total}.`;
  if (job.state === 'running' || job.state === 'paused') return `File sizes measured: ${progress}, ${total}; the rest are measured as their releases go.`;
  return `File sizes measured: ${progress}, ${total}.`;
}

/** 3725 → "1 h 2 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const jobStateLabel: Record<JobState, string> = {
  planning: 'Planning',
  awaiting_confirmation: 'Awaiting confirmation',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
  failed: 'Failed',
};

export const jobStateTone = (state: JobState): 'neutral' | 'accent' | 'warning' | 'danger' | 'success' =>
  state === 'done' ? 'success' : state === 'failed' ? 'danger' : state === 'paused' || state === 'awaiting_confirmation' ? 'warning' : state === 'running' || state === 'planning' ? 'accent' : 'neutral';

export const itemStateTone = (state: JobItemState): 'neutral' | 'success' | 'danger' | 'warning' =>
  state === 'done' ? 'success' : state === 'failed' ? 'danger' : state === 'skipped' ? 'warning' : 'neutral';

export const kindLabel: Record<string, string> = {
  cleanup: 'Cleanup',
  'copy-index': 'Copy an index',
  promote: 'Promote releases',
  'bulk-acl': 'Permissions across indexes',
  'users-csv': 'Users from CSV',
  'storage-report': 'Storage report',
};
