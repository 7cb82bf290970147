import { describe, expect, it } from 'vitest';
import type { Job } from '@devpi-dashboard/dashboard-api';
import { bytesSoFar, itemSize, measuringLine } from './format';

const job = (over: { state?: Job['state']; measuring?: boolean; unsized?: number; bytesTotal?: number; files?: number }): Job => ({
  id: 'j',
  kind: 'cleanup',
  title: 't',
  creator: 'alice',
  state: over.state ?? 'awaiting_confirmation',
  reason: null,
  pauseReason: null,
  params: {},
  summary: over.files === undefined ? {} : { filesToRemove: over.files },
  confirmText: null,
  measuring: over.measuring ?? false,
  runningOn: null,
  createdAt: '2026-12-02T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  counters: { total: 1, done: 0, skipped: 0, failed: 0, left: 1, bytesDone: 0, bytesTotal: over.bytesTotal ?? 0, unsized: over.unsized ?? 0, itemsPerSecond: null, bytesPerSecond: null, secondsLeft: null },
});

describe('sizes a preview is still measuring', () => {
  it('never shows an unknown size as 0', () => {
    expect(itemSize({ bytes: 0, unsized: 2 }, true)).toBe('measuring…');
    expect(itemSize({ bytes: 2048, unsized: 1 }, true)).toBe('at least 2.0 KB, measuring…');
    expect(itemSize({ bytes: 0, unsized: 2 }, false)).toBe('not measured yet');
    expect(itemSize({ bytes: 0, unsized: 0 }, false)).toBe('0 B');
  });

  it('says how far measuring got and that the total is a lower bound until it is done', () => {
    const measuring = job({ measuring: true, unsized: 4_800, files: 8_000, bytesTotal: 3 * 1024 * 1024 });
    expect(measuringLine(measuring)).toBe('Measuring file sizes: 3,200 of 8,000 files, at least 3.0 MB so far.');
    expect(bytesSoFar(measuring, 1024)).toBe('at least 1.0 KB');
    expect(measuringLine(job({ state: 'running', unsized: 10, files: 40, bytesTotal: 1024 }))).toBe('File sizes measured: 30 of 40 files, at least 1.0 KB so far; the rest are measured as their releases go.');
    expect(measuringLine(job({ measuring: true, unsized: 7 }))).toBe('Measuring file sizes: 7 files left, at least 0 B so far.');
    const measured = job({ unsized: 0, files: 8_000, bytesTotal: 1024 });
    expect(measuringLine(measured)).toBeNull();
    expect(bytesSoFar(measured, 1024)).toBe('1.0 KB');
  });
});
