import { normalizePrincipal, op, type DevpiClient, type IndexConfig, type IndexOp } from '@devpi-dashboard/devpi-client';
import type { AclKey, BulkAclInput, BulkAclPreviewItem } from '@devpi-dashboard/dashboard-api';
import { stageLike } from '../domain/stage-like.js';
import { splitName } from '../domain/index-name.js';
import { mapLimit } from '../domain/map-limit.js';

/** The ACL list of an index, or undefined where it has none (mirrors, opaque plugin indexes). */
function aclOf(config: IndexConfig, key: AclKey): string[] | undefined {
  const stage = stageLike(config);
  if (stage === undefined) return undefined;
  if (key === 'acl_upload') return stage.aclUpload;
  // devpi fills acl_toxresult_upload with its default on every stage; a plugin index may lack it.
  const value: unknown = config.acl_toxresult_upload;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** devpi compares special principals case-insensitively and user names exactly. */
const same = (a: string, b: string) => normalizePrincipal(a) === normalizePrincipal(b);

export function aclOperation(input: Pick<BulkAclInput, 'key' | 'op' | 'principal'>): IndexOp {
  const principal = normalizePrincipal(input.principal);
  return input.op === 'add' ? op.add(input.key, principal) : op.remove(input.key, principal);
}

/**
 * What the change does to one index. Only the owner and root may change an index's config in
 * devpi (any other user gets pyramid's 403), so those are told before anything is sent.
 */
export function planAclItem(actor: string, index: string, config: IndexConfig | undefined, input: BulkAclInput): BulkAclPreviewItem {
  const base = { index, operation: null };
  if (config === undefined) return { ...base, state: 'missing', current: null, reason: 'devpi has no such index.' };
  const current = aclOf(config, input.key);
  if (current === undefined) return { ...base, state: 'not_stage', current: null, reason: `A ${config.type} index has no ${input.key}.` };
  const [owner] = splitName(index);
  if (actor !== 'root' && actor !== owner) {
    return { ...base, state: 'forbidden', current, reason: `Only ${owner} and root may change ${index}.` };
  }
  const has = current.some((p) => same(p, input.principal));
  if (input.op === 'add' && has) return { ...base, state: 'unchanged', current, reason: `${input.principal} is already in ${input.key}.` };
  if (input.op === 'remove' && !has) return { ...base, state: 'unchanged', current, reason: `${input.principal} is not in ${input.key}.` };
  const operation = aclOperation(input);
  // devpi started with --restrict-modify refuses owners too; its answer then shows on the item.
  return { index, state: 'change', current, operation, reason: `${operation} will be sent.` };
}

/** Reads every chosen index (a few at a time) and plans each; nothing is changed. */
export async function previewBulkAcl(client: DevpiClient, actor: string, input: BulkAclInput, concurrency = 4): Promise<BulkAclPreviewItem[]> {
  const unique = [...new Set(input.indexes)];
  return mapLimit(unique, concurrency, async (index) => {
    const [user, name] = splitName(index);
    return planAclItem(actor, index, await client.getIndex(user, name, { noProjects: true }), input);
  });
}

export type AclItemOutcome = { state: 'changed'; acl: string[] } | { state: 'unchanged' | 'skipped'; reason: string };

/**
 * Runs one index of a bulk change: reads devpi's current state first, so an index changed since
 * the preview (or by an earlier attempt of this same item) is left alone rather than changed twice.
 * `record` wraps the one write (a job records it in the history).
 */
export async function applyAclItem(
  client: DevpiClient,
  actor: string,
  index: string,
  input: BulkAclInput,
  record: <T>(operation: IndexOp, send: () => Promise<T>) => Promise<T> = (_operation, send) => send(),
): Promise<AclItemOutcome> {
  const [user, name] = splitName(index);
  const plan = planAclItem(actor, index, await client.getIndex(user, name, { noProjects: true }), input);
  if (plan.state === 'unchanged') return { state: 'unchanged', reason: plan.reason };
  if (plan.state !== 'change' || plan.operation === null) return { state: 'skipped', reason: plan.reason };
  const operation = plan.operation;
  const after = await record(operation, () => client.patchIndex(user, name, [operation]));
  return { state: 'changed', acl: aclOf(after, input.key) ?? [] };
}
