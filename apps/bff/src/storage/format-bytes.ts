const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in binary steps with one decimal (1.3 KB), as the SPA's file sizes read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit] ?? ''}`;
}
