/** The app's one date format: local date and time, medium date, short time ("1 Dec 2026, 22:53"). */
const FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** An ISO string, epoch milliseconds or a Date; text that is no date is shown as it came. */
export function formatWhen(when: string | number | Date): string {
  const date = new Date(when);
  return Number.isNaN(date.getTime()) ? String(when) : date.toLocaleString(undefined, FORMAT);
}
