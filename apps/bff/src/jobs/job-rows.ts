import type { JobItemState } from '@devpi-dashboard/dashboard-api';
import type { PlannedItem } from './job-kind.js';
import type { JobItemRow } from './job-store.js';

/** A JSON column read back: an object, or empty for anything else (rows are parsed, never trusted). */
export function parseRecord(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function itemState(value: string): JobItemState {
  return value === 'done' || value === 'skipped' || value === 'failed' ? value : 'pending';
}

export function toPlanned(row: JobItemRow): PlannedItem {
  return { key: row.item_key, label: row.label, bytes: Number(row.bytes), unsized: Number(row.unsized), spec: parseRecord(row.spec) };
}
