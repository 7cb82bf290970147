/**
 * Builders for the list-of-operations index PATCH (devpi feature `server-keyvalue-parsing`, what
 * devpi-client 7 sends). devpi parses the value side itself: `"a,b"` becomes a list and
 * `"False"` a boolean, so list values are joined with commas.
 */
export type IndexOp = string;

type OpValue = string | number | boolean | readonly string[];

function render(value: OpValue): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.join(',');
}

function checkKey(key: string): string {
  if (key === '' || /[=+-]$/.test(key) || key.includes('=')) {
    throw new TypeError(`invalid index config key for a PATCH operation: '${key}'`);
  }
  return key;
}

export const op = {
  /** `key=value`: replace the value (lists as `a,b`, booleans as `True`/`False`). */
  set: (key: string, value: OpValue): IndexOp => `${checkKey(key)}=${render(value)}`,
  /** `key+=value`: append to a list key unless already present (idempotent). */
  add: (key: string, value: string): IndexOp => `${checkKey(key)}+=${value}`,
  /** `key-=value`: remove from a list key; devpi answers 400 when the value is absent. */
  remove: (key: string, value: string): IndexOp => `${checkKey(key)}-=${value}`,
  /** `key-`: drop the key entirely; devpi refuses for keys with defaults (acl_upload, bases, ...). */
  drop: (key: string): IndexOp => `${checkKey(key)}-`,
} as const;
