/**
 * What devpi accepts in a user or index name (devpi_server's is_valid_name, mirrored by
 * validateName in devpi-client): any non-ASCII letter, ASCII letters and digits, and - . @ _.
 */
export const NAME_HINT = 'Letters and digits of any script (müller, 用户) and - . @ _; no spaces or other ASCII punctuation.';

/** A name in `existing` equal to `name` apart from letter case: devpi happily creates both. */
export function caseTwin(name: string, existing: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const other of existing) if (other !== name && other.toLowerCase() === lower) return other;
  return undefined;
}
