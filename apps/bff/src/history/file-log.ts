import { normalizeProjectName, type DevpiClient, type VersionData } from '@devpi-dashboard/devpi-client';
import type { HistoryEntry } from '@devpi-dashboard/dashboard-api';

function fileName(href: string): string {
  return decodeURIComponent(href.split('/').pop() ?? href);
}

function utc(when: readonly number[]): string {
  const [year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0] = when;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second)).toISOString();
}

/**
 * devpi's own per-file log (`+links[].log`: who uploaded or pushed a file, and when) as history
 * entries. It covers twine, pip and devpi-client talking to devpi directly, which the dashboard
 * never sees; it goes when the file goes.
 */
export function fileLogEntries(index: string, versions: Record<string, VersionData>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const [version, data] of Object.entries(versions)) {
    for (const link of data['+links'] ?? []) {
      for (const [n, log] of (link.log ?? []).entries()) {
        if (log.dst !== undefined && log.dst !== index) continue;
        const file = fileName(link.href);
        const pushed = log.what === 'push';
        entries.push({
          id: `devpi:${index}:${file}:${n}`,
          at: utc(log.when),
          actor: log.who ?? null,
          clientAddress: null,
          replica: null,
          action: pushed ? 'release.push' : log.what === 'upload' ? 'release.upload' : 'request.other',
          target: { index, project: data.name, version, file },
          changes: pushed && typeof log.src === 'string' ? [{ key: 'source', op: 'set', after: log.src }] : [],
          outcome: { state: 'ok', status: null, message: `devpi's file log: ${log.what}` },
          serial: null,
          requestId: null,
          source: 'devpi',
        });
      }
    }
  }
  return entries;
}

/** The file log of a project on one index (its own files only, not its bases'). */
export async function readFileLog(devpi: DevpiClient, index: string, project: string): Promise<HistoryEntry[]> {
  const [user = '', name = ''] = index.split('/');
  const versions = await devpi.getProject(user, name, normalizeProjectName(project), { ignoreBases: true });
  return versions === undefined ? [] : fileLogEntries(index, versions);
}

/** Drops devpi's line for a file the dashboard itself recorded uploading: one change, one line. */
export function mergeFileLog(recorded: HistoryEntry[], fileLog: HistoryEntry[]): HistoryEntry[] {
  const seen = new Set(recorded.filter((e) => e.target.file !== undefined && e.outcome.state === 'ok').map((e) => `${e.action}:${e.target.file ?? ''}`));
  const extra = fileLog.filter((entry) => !seen.has(`${entry.action}:${entry.target.file ?? ''}`));
  return [...recorded, ...extra].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
