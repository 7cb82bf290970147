import { bulkAclInputSchema, bulkAclStates, type BulkAclInput } from '@devpi-dashboard/dashboard-api';
import { classifyDevpiRequest } from '../../history/classify.js';
import { applyAclItem, previewBulkAcl } from '../../lifecycle/bulk-acl.js';
import { splitName } from '../../domain/index-name.js';
import type { JobKind } from '../job-kind.js';

const indexUrl = (index: string) => `/${splitName(index).map(encodeURIComponent).join('/')}`;

/** One principal added to or removed from one ACL of many indexes, as devpi list operations. */
export const bulkAclKind: JobKind<BulkAclInput> = {
  name: 'bulk-acl',
  description: 'Add or remove one user or group in acl_upload or acl_toxresult_upload of many indexes.',
  params: bulkAclInputSchema,
  title: (p) => `${p.op === 'add' ? 'Add' : 'Remove'} ${p.principal} ${p.op === 'add' ? 'to' : 'from'} ${p.key} of ${p.indexes.length} ${p.indexes.length === 1 ? 'index' : 'indexes'}`,
  async plan(ctx, params) {
    const preview = await previewBulkAcl(ctx.devpi, ctx.creator, params);
    const counts = Object.fromEntries(bulkAclStates.map((state) => [state, preview.filter((p) => p.state === state).length]));
    return {
      items: preview.map((p) => ({ key: p.index, label: `${p.index}: ${p.reason}`, bytes: 0, spec: { index: p.index, planned: p.state, operation: p.operation, current: p.current } })),
      summary: { ...counts, key: params.key, op: params.op, principal: params.principal },
    };
  },
  async runItem(ctx, item, params) {
    const index = typeof item.spec['index'] === 'string' ? item.spec['index'] : item.key;
    const outcome = await applyAclItem(ctx.devpi, ctx.creator, index, params, (operation, send) => {
      const [action] = classifyDevpiRequest({ method: 'PATCH', url: indexUrl(index), body: [operation], multipart: false });
      return ctx.change(action ?? { action: params.op === 'add' ? 'acl.add' : 'acl.remove', target: { index }, changes: [] }, send);
    });
    if (outcome.state === 'changed') return { state: 'done', message: `${params.key} is now ${outcome.acl.join(', ') || '(empty)'}.` };
    return { state: 'skipped', message: outcome.reason };
  },
};
