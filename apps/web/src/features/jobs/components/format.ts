import type { JobItemState, JobState } from '@devpi-dashboard/dashboard-api';

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
