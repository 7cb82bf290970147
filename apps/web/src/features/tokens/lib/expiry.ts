import { TOKEN_MAX_LIFETIME_S } from '@devpi-dashboard/dashboard-api';

/** Lifetimes offered for a new token; `year` is devpi-tokens' default and, except for root, its longest. */
export const expiryChoices = [
  { value: '1h', label: '1 hour', seconds: 3600 },
  { value: '1d', label: '1 day', seconds: 86_400 },
  { value: '7d', label: '7 days', seconds: 7 * 86_400 },
  { value: '30d', label: '30 days', seconds: 30 * 86_400 },
  { value: '90d', label: '90 days', seconds: 90 * 86_400 },
  { value: 'year', label: '1 year (the longest devpi allows, except for root)', seconds: TOKEN_MAX_LIFETIME_S - 10 },
  { value: 'date', label: 'Until a date…', seconds: 0 },
  { value: 'never', label: 'Never (root only)', seconds: 0 },
] as const;
export type ExpiryChoice = (typeof expiryChoices)[number]['value'];

/**
 * The `expires` to send: Unix seconds, or `never`. A date means the end of that day, local time.
 * Returns a message instead when the choice cannot be sent.
 */
export function expiresFor(choice: ExpiryChoice, date: string, nowMs: number, isRoot: boolean): number | 'never' | { error: string } {
  if (choice === 'never') return isRoot ? 'never' : { error: 'Only root may create tokens that never expire.' };
  if (choice === 'date') {
    const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
    if (!day) return { error: 'Pick the last day the token works.' };
    const end = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59).getTime();
    if (end <= nowMs) return { error: 'The date must be in the future.' };
    const seconds = Math.floor(end / 1000);
    if (!isRoot && seconds > Math.floor(nowMs / 1000) + TOKEN_MAX_LIFETIME_S) return { error: 'devpi allows at most one year, except for root.' };
    return seconds;
  }
  const found = expiryChoices.find((c) => c.value === choice);
  return Math.floor(nowMs / 1000) + (found?.seconds ?? 3600);
}
