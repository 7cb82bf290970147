import { z } from 'zod';
import {
  historyActionSchema,
  historyChangeSchema,
  historyOutcomeStates,
  historySources,
  type HistoryEntry,
  type HistoryGap,
  type HistoryTarget,
} from '@devpi-dashboard/dashboard-api';
import type { HistoryRow } from './history-store.js';

const changesSchema = z.array(historyChangeSchema).catch([]);
const outcomeSchema = z.enum(historyOutcomeStates).catch('unknown');
const sourceSchema = z.enum(historySources).catch('dashboard');
// An action name a newer replica wrote (during a rolling upgrade) still shows, as "other".
const actionSchema = historyActionSchema.catch('request.other');

function target(row: HistoryRow): HistoryTarget {
  const result: HistoryTarget = {};
  if (row.target_user !== null) result.user = row.target_user;
  if (row.target_index !== null) result.index = row.target_index;
  if (row.target_project !== null) result.project = row.target_project;
  if (row.target_version !== null) result.version = row.target_version;
  if (row.target_file !== null) result.file = row.target_file;
  return result;
}

function parseChanges(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

/** A stored row as the API shows it; rows are parsed, never trusted, like any other input. */
export function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    clientAddress: row.client_address,
    replica: row.replica,
    action: actionSchema.parse(row.action),
    target: target(row),
    changes: changesSchema.parse(parseChanges(row.changes)),
    outcome: { state: outcomeSchema.parse(row.outcome), status: row.status === null ? null : Number(row.status), message: row.message },
    serial: row.serial === null ? null : Number(row.serial),
    requestId: row.request_id,
    source: sourceSchema.parse(row.source),
    jobId: row.job_id ?? null,
  };
}

/**
 * Serials devpi moved on by between recorded successful changes. Each devpi write bumps the serial
 * by one, so recorded serials 10 and 14 mean three changes the dashboard did not see.
 */
export function serialGaps(entries: HistoryEntry[], previous: number | null): HistoryGap[] {
  const oldestWith = new Map<number, string>();
  for (const entry of entries) {
    if (entry.serial !== null && entry.outcome.state === 'ok') oldestWith.set(entry.serial, entry.id);
  }
  const serials = [...oldestWith.keys()].sort((a, b) => b - a);
  if (previous !== null) serials.push(previous);
  const gaps: HistoryGap[] = [];
  for (let i = 0; i + 1 < serials.length; i++) {
    const newer = serials[i] ?? 0;
    const older = serials[i + 1] ?? 0;
    const beforeId = oldestWith.get(newer);
    if (newer - older > 1 && beforeId !== undefined) gaps.push({ fromSerial: older + 1, toSerial: newer - 1, count: newer - older - 1, beforeId });
  }
  return gaps;
}
