// Index configuration rules from devpi-server's model.py (get_indexconfig_from_kwargs and friends).
import type { JsonObject, JsonValue, Store } from './model.js';
import { normalizeWhitelistEntry, pyRepr, pyStr } from './names.js';

export class InvalidIndexconfig extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(', '));
  }
}

const COMMON_KEYS = ['type', 'volatile', 'title', 'description', 'custom_data'];
const STAGE_KEYS = [...COMMON_KEYS, 'bases', 'acl_upload', 'acl_toxresult_upload', 'mirror_whitelist', 'mirror_whitelist_inheritance'];
const MIRROR_KEYS = [
  ...COMMON_KEYS, 'mirror_url', 'mirror_cache_expiry', 'mirror_web_url_fmt', 'mirror_use_external_urls',
  'mirror_no_project_list', 'mirror_ignore_serial_header',
];
/** Stage keys a mirror silently drops (devpi keeps accepting them for backwards compatibility). */
const MIRROR_DROPPED = ['bases', 'acl_upload', 'acl_toxresult_upload', 'mirror_whitelist', 'mirror_whitelist_inheritance'];
const DEFAULT_KEYS: Record<string, string[]> = {
  stage: ['type', 'volatile', 'bases', 'acl_upload', 'acl_toxresult_upload', 'mirror_whitelist', 'mirror_whitelist_inheritance'],
  mirror: ['type', 'volatile', 'mirror_url'],
};
const BOOL_KEYS = new Set(['volatile', 'mirror_use_external_urls', 'mirror_no_project_list', 'mirror_ignore_serial_header']);
const LIST_KEYS = new Set(['bases', 'acl_upload', 'acl_toxresult_upload', 'mirror_whitelist']);

export function parseBoolean(value: JsonValue): boolean {
  if (typeof value === 'boolean') return value;
  const s = String(value).toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(s)) return true;
  if (['false', 'no', 'off', '0'].includes(s)) return false;
  throw new InvalidIndexconfig([`Unknown boolean value ${pyRepr(String(value))}.`]);
}

function parseList(value: JsonValue): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : pyStr(v)));
  return [pyStr(value)];
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

function normalizePrincipal(p: string): string {
  const upper = p.toUpperCase();
  return upper === ':ANONYMOUS:' || upper === ':AUTHENTICATED:' ? upper : p;
}

function normalizeValue(key: string, value: JsonValue, store: Store, errors: string[]): JsonValue {
  if (BOOL_KEYS.has(key)) return parseBoolean(value);
  if (LIST_KEYS.has(key)) {
    const list = parseList(value);
    if (key === 'bases') {
      for (const base of list) {
        const parts = base.split('/');
        if (parts.length !== 2 || !parts[0] || !parts[1]) errors.push(`invalid base index spec: ${pyRepr(base)}`);
        else if (!store.getIndexByName(base)) errors.push(`base index ${pyRepr(base)} does not exist`);
      }
      return dedupe(list);
    }
    if (key === 'mirror_whitelist') return dedupe(list.map(normalizeWhitelistEntry));
    return dedupe(list.map(normalizePrincipal));
  }
  if (key === 'mirror_whitelist_inheritance') {
    const s = String(value).toLowerCase();
    if (s !== 'intersection' && s !== 'union') errors.push(`Unknown value ${pyRepr(String(value))} for mirror_whitelist_inheritance.`);
    return s;
  }
  if (key === 'mirror_url') {
    if (typeof value !== 'string' || !/^https?:\/\/[^/]+/.test(value)) errors.push("'mirror_url' option must be a URL.");
    return value;
  }
  if (key === 'mirror_cache_expiry') {
    const n = typeof value === 'number' ? value : Number(String(value));
    if (!Number.isInteger(n)) errors.push("'mirror_cache_expiry' option must be an integer.");
    return n;
  }
  return value;
}

function allowedKeys(type: string): string[] {
  return type === 'mirror' ? MIRROR_KEYS : STAGE_KEYS;
}

/** Apply normalisation to the given keys; throws InvalidIndexconfig with every message devpi would join. */
function normalizeKwargs(type: string, kwargs: JsonObject, store: Store): JsonObject {
  const allowed = allowedKeys(type);
  const out: JsonObject = {};
  const errors: string[] = [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(kwargs)) {
    if (type === 'mirror' && MIRROR_DROPPED.includes(key)) continue;
    if (!allowed.includes(key)) {
      unknown.push(`${key}=${pyStr(value)}`);
      continue;
    }
    if (key === 'type') continue;
    out[key] = normalizeValue(key, value, store, errors);
  }
  if (unknown.length) errors.push(`indexconfig got unexpected keyword arguments: ${unknown.join(', ')}`);
  if (errors.length) throw new InvalidIndexconfig(errors);
  return out;
}

export class InvalidIndexType extends Error {}

/** The stored config for `PUT /<user>/<index>`. */
export function createIndexConfig(owner: string, body: JsonObject, store: Store): JsonObject {
  const type = typeof body['type'] === 'string' ? body['type'] : 'stage';
  if (type !== 'stage' && type !== 'mirror') throw new InvalidIndexType(`unknown index type ${pyRepr(type)}`);
  const given = normalizeKwargs(type, body, store);
  if (type === 'mirror') {
    if (given['mirror_url'] === undefined) throw new InvalidIndexconfig(["'mirror_url' option must be a URL."]);
    return { ...given, volatile: given['volatile'] ?? true, type };
  }
  return {
    acl_upload: [owner],
    mirror_whitelist: [],
    mirror_whitelist_inheritance: 'intersection',
    volatile: true,
    acl_toxresult_upload: [':ANONYMOUS:'],
    bases: [],
    ...given,
    type,
  };
}

/** The new config for a PATCH: `body` is merged into `old`; keys in `drop` are removed. */
export function modifyIndexConfig(old: JsonObject, body: JsonObject, drop: Set<string>, store: Store): JsonObject {
  const type = String(old['type']);
  if ('type' in body && body['type'] !== type) throw new InvalidIndexconfig(["the 'type' of an index can't be changed"]);
  const rest: JsonObject = { ...body };
  delete rest['type'];
  delete rest['projects'];
  for (const key of drop) delete rest[key];
  const normalized = normalizeKwargs(type, rest, store);
  const next: JsonObject = { ...old, ...normalized };
  for (const key of drop) {
    if ((DEFAULT_KEYS[type] ?? []).includes(key)) throw new InvalidIndexconfig(["Default values can't be removed."]);
    delete next[key];
  }
  return next;
}

/** devpi-client's `key=value`, `key+=value`, `key-=value` and `key-` operations (views.py get_actions). */
export function applyIndexOps(old: JsonObject, ops: string[]): { body: JsonObject; drop: Set<string>; error?: string } {
  const body: JsonObject = structuredClone(old);
  const drop = new Set<string>();
  for (const item of ops) {
    const eq = item.indexOf('=');
    let key = eq >= 0 ? item.slice(0, eq) : item;
    const value = eq >= 0 ? item.slice(eq + 1) : '';
    if (key.endsWith('+')) {
      key = key.slice(0, -1);
      const current = body[key];
      const list: JsonValue[] = Array.isArray(current) ? [...current] : [];
      list.push(value);
      body[key] = list;
    } else if (key.endsWith('-')) {
      key = key.slice(0, -1);
      if (value === '') {
        drop.add(key);
        continue;
      }
      const current = body[key];
      const list: JsonValue[] = Array.isArray(current) ? current : [];
      if (!list.includes(value)) return { body, drop, error: `The '${key}' setting doesn't have value '${value}'` };
      body[key] = list.filter((x) => x !== value);
    } else {
      body[key] = value;
    }
  }
  return { body, drop };
}
