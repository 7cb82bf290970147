import type { HistoryAction, HistoryChange, HistoryTarget } from '@devpi-dashboard/dashboard-api';

/** One thing a request does, as the history names it. A request may do several (ops on one index). */
export interface ClassifiedAction {
  action: HistoryAction;
  target: HistoryTarget;
  changes: HistoryChange[];
}

/** What the classifier knows about a request before it reaches devpi. */
export interface MutationRequest {
  method: string;
  /** The devpi path with its query, as the proxy forwards it (percent-encoded). */
  url: string;
  /** Small JSON bodies only (PUT/PATCH/push); uploads stream and are never read. */
  body?: unknown;
  /** Multipart form: an upload, register or docs upload. */
  multipart?: boolean;
  /** Current config of the user or index the request changes, for before → after. */
  before?: Record<string, unknown>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** User record keys devpi stores; anything else in a PATCH is ignored by devpi and by us. */
const SECRET_KEYS = new Set(['password', 'pwhash']);
const ACL_KEYS = new Set(['acl_upload', 'acl_toxresult_upload']);

export function isMutation(method: string): boolean {
  return MUTATING.has(method);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Splits `/<user>/<index>/...` into decoded segments, query and trailing slash ignored. */
export function pathSegments(url: string): string[] {
  const path = url.split('?')[0] ?? '';
  return path.split('/').filter((segment) => segment !== '').map(decode);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses one devpi list operation: `key=value`, `key+=value`, `key-=value`, `key-`. */
export function parseOperation(operation: string): { key: string; op: HistoryChange['op']; value?: string } {
  const plus = /^([^=+-]+)\+=(.*)$/s.exec(operation);
  if (plus) return { key: plus[1] ?? '', op: 'add', value: plus[2] ?? '' };
  const minus = /^([^=+-]+)-=(.*)$/s.exec(operation);
  if (minus) return { key: minus[1] ?? '', op: 'remove', value: minus[2] ?? '' };
  const drop = /^([^=+-]+)-$/.exec(operation);
  if (drop) return { key: drop[1] ?? '', op: 'drop' };
  const at = operation.indexOf('=');
  if (at > 0) return { key: operation.slice(0, at), op: 'set', value: operation.slice(at + 1) };
  return { key: operation, op: 'set' };
}

function indexPatch(target: HistoryTarget, body: unknown, before: Record<string, unknown> | undefined): ClassifiedAction[] {
  if (!Array.isArray(body)) return [{ action: 'index.modify', target, changes: [] }];
  const acl: ClassifiedAction[] = [];
  const modify: HistoryChange[] = [];
  for (const raw of body) {
    if (typeof raw !== 'string') continue;
    const parsed = parseOperation(raw);
    if (ACL_KEYS.has(parsed.key) && (parsed.op === 'add' || parsed.op === 'remove')) {
      const action = parsed.op === 'add' ? 'acl.add' : 'acl.remove';
      acl.push({ action, target, changes: [{ key: parsed.key, op: parsed.op, value: parsed.value }] });
    } else if (parsed.op === 'set' || parsed.op === 'drop') {
      const change: HistoryChange = { key: parsed.key, op: parsed.op, before: before?.[parsed.key] };
      if (parsed.op === 'set') change.after = parsed.value;
      modify.push(change);
    } else {
      modify.push({ key: parsed.key, op: parsed.op, value: parsed.value });
    }
  }
  return modify.length > 0 ? [...acl, { action: 'index.modify', target, changes: modify }] : acl;
}

function configValues(body: unknown, before?: Record<string, unknown>): HistoryChange[] {
  if (!isRecord(body)) return [];
  const changes: HistoryChange[] = [];
  for (const [key, after] of Object.entries(body)) {
    if (SECRET_KEYS.has(key)) continue;
    if (before !== undefined && JSON.stringify(before[key]) === JSON.stringify(after)) continue;
    changes.push(before === undefined ? { key, op: 'set', after } : { key, op: 'set', before: before[key], after });
  }
  return changes;
}

function userRequest(method: string, user: string, body: unknown, before?: Record<string, unknown>): ClassifiedAction[] {
  const target = { user };
  if (method === 'PUT') return [{ action: 'user.create', target, changes: configValues(body) }];
  if (method === 'DELETE') return [{ action: 'user.delete', target, changes: [] }];
  if (method !== 'PATCH') return [{ action: 'request.other', target, changes: [] }];
  const actions: ClassifiedAction[] = [];
  if (isRecord(body) && [...SECRET_KEYS].some((key) => key in body)) {
    actions.push({ action: 'password.change', target, changes: [{ key: 'password', op: 'set', secret: true }] });
  }
  const values = configValues(body, before);
  if (values.length > 0 || actions.length === 0) actions.push({ action: 'user.modify', target, changes: values });
  return actions;
}

function pushChanges(body: unknown): { target: Partial<HistoryTarget>; changes: HistoryChange[] } {
  if (!isRecord(body)) return { target: {}, changes: [] };
  const target: Partial<HistoryTarget> = {};
  if (typeof body.name === 'string') target.project = body.name;
  if (typeof body.version === 'string') target.version = body.version;
  const destination = typeof body.targetindex === 'string' ? body.targetindex : typeof body.posturl === 'string' ? body.posturl : undefined;
  return { target, changes: destination === undefined ? [] : [{ key: 'destination', op: 'set', after: destination }] };
}

/**
 * Names what a state-changing devpi request does, from method, path and (small) body alone.
 * Pure: the recorder reads `before` from devpi and refines uploads once their form is seen.
 */
export function classifyDevpiRequest(request: MutationRequest): ClassifiedAction[] {
  const { method } = request;
  if (!isMutation(method)) return [];
  const [user, index, ...rest] = pathSegments(request.url);
  if (user === undefined || user.startsWith('+')) return [{ action: 'request.other', target: {}, changes: [] }];
  if (index === undefined) return userRequest(method, user, request.body, request.before);
  const target: HistoryTarget = { index: `${user}/${index}` };
  if (rest.length === 0) {
    if (method === 'PUT') return [{ action: 'index.create', target, changes: configValues(request.body) }];
    if (method === 'DELETE') return [{ action: 'index.delete', target, changes: [] }];
    if (method === 'PATCH') return indexPatch(target, request.body, request.before);
    if (request.multipart) return [{ action: 'release.upload', target, changes: [] }];
    const push = pushChanges(request.body);
    return [{ action: 'release.push', target: { ...target, ...push.target }, changes: push.changes }];
  }
  const [first, second, third] = rest;
  if (first === '+f' && method === 'DELETE') {
    return [{ action: 'file.remove', target: { ...target, file: rest[rest.length - 1] ?? '' }, changes: [] }];
  }
  if (first === '+simple' && second !== undefined && third === 'refresh') {
    return [{ action: 'mirror.refresh', target: { ...target, project: second }, changes: [] }];
  }
  if (method === 'DELETE' && first !== undefined && !first.startsWith('+')) {
    if (second === undefined) return [{ action: 'project.remove', target: { ...target, project: first }, changes: [] }];
    return [{ action: 'release.remove', target: { ...target, project: first, version: second }, changes: [] }];
  }
  // `POST /<u>/<i>/` with a trailing slash lands here too: it is the upload URL.
  if (method === 'POST' && request.multipart) return [{ action: 'release.upload', target, changes: [] }];
  return [{ action: 'request.other', target, changes: [] }];
}

/** The fields of an upload form the history keeps (never the file itself). */
export interface UploadForm {
  action?: string;
  name?: string;
  version?: string;
  filename?: string;
}

/** Once the form has been seen: upload, register, docs or a tox result, with the file named. */
export function refineUpload(classified: ClassifiedAction, form: UploadForm): ClassifiedAction {
  const action: HistoryAction =
    form.action === 'doc_upload' ? 'docs.upload' : form.action === 'submit' ? 'release.register' : classified.action;
  const target: HistoryTarget = { ...classified.target };
  if (form.name !== undefined) target.project = form.name;
  if (form.version !== undefined) target.version = form.version;
  if (form.filename !== undefined) target.file = form.filename;
  return { ...classified, action, target };
}
