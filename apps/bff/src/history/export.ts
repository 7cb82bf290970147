import { describeChange, describeTarget, type HistoryEntry } from '@devpi-dashboard/dashboard-api';

export const CSV_COLUMNS = ['time', 'actor', 'action', 'target', 'change', 'outcome', 'status', 'message', 'serial', 'client_address', 'replica', 'request_id', 'source'] as const;

/**
 * One CSV cell. Quoted always; a cell a spreadsheet would run as a formula (devpi names and
 * messages are user input) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(entry: HistoryEntry): string {
  const cells = [
    entry.at,
    entry.actor ?? 'anonymous',
    entry.action,
    describeTarget(entry.target),
    entry.changes.map(describeChange).join('; '),
    entry.outcome.state,
    entry.outcome.status,
    entry.outcome.message,
    entry.serial,
    entry.clientAddress,
    entry.replica,
    entry.requestId,
    entry.source,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;
