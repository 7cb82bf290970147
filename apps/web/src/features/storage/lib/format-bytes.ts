const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** Exact bytes below 1 KB, then powers of 1024 with one decimal: sizes an operator compares. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString()} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit] ?? 'PB'}`;
}
