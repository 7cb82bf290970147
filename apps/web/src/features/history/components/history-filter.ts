import { historyActionSchema, historyOutcomeStates, type HistoryFilter } from '@devpi-dashboard/dashboard-api';

export const FILTER_KEYS = ['actor', 'action', 'index', 'user', 'project', 'outcome', 'from', 'to'] as const;

/** The filter a History URL carries; unknown or malformed values are dropped, not sent. */
export function filterFromParams(params: URLSearchParams): HistoryFilter {
  const filter: HistoryFilter = {};
  for (const key of ['actor', 'index', 'user', 'project'] as const) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const action = historyActionSchema.safeParse(params.get('action'));
  if (action.success) filter.action = action.data;
  const outcome = params.get('outcome');
  const state = historyOutcomeStates.find((known) => known === outcome);
  if (state) filter.outcome = state;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && !Number.isNaN(Date.parse(value))) filter[key] = new Date(value).toISOString();
  }
  return filter;
}

/** `datetime-local` shows local time without a zone; the URL keeps UTC. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
