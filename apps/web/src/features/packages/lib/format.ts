/** File sizes as people read them (1 KB = 1024 bytes, like devpi-web). */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export { formatWhen } from '../../../lib/format-date';

export const kindLabels = { wheel: 'Wheel', sdist: 'Source', egg: 'Egg', other: 'File' } as const;

/** The pip command installing exactly this version from this index. */
export function installCommand(simpleUrl: string, name: string, version?: string): string {
  return `pip install --index-url ${simpleUrl} ${version ? `"${name}==${version}"` : name}`;
}
