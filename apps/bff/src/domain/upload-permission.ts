import { ANONYMOUS, AUTHENTICATED, isMirrorIndex, principalKind, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { UploadReason } from '@devpi-dashboard/dashboard-api';
import { stageLike } from './stage-like.js';

export interface UploadVerdict {
  allowed: boolean;
  reason: UploadReason;
}

/** The index's acl_upload as devpi applies it (special principals are case-insensitive). */
export function aclUpload(config: IndexConfig): string[] {
  return stageLike(config)?.aclUpload ?? [];
}

/**
 * May `user` (or `:ANONYMOUS:` for someone not logged in) upload to this index? devpi's rule:
 * only principals in acl_upload, never the owner or root by default, never into a mirror. A plugin
 * index without acl_upload is the plugin's business: the dashboard cannot say.
 */
export function uploadVerdict(user: string, config: IndexConfig): UploadVerdict {
  if (isMirrorIndex(config)) return { allowed: false, reason: 'mirror' };
  if (stageLike(config) === undefined) return { allowed: false, reason: 'plugin' };
  const acl = aclUpload(config);
  const kinds = acl.map(principalKind);
  const anonymous = user.toUpperCase() === ANONYMOUS;
  if (!anonymous && acl.some((entry, i) => kinds[i] === 'user' && entry === user)) return { allowed: true, reason: 'acl_user' };
  if (!anonymous && kinds.includes('authenticated')) return { allowed: true, reason: 'acl_authenticated' };
  if (kinds.includes('anonymous')) return { allowed: true, reason: 'acl_anonymous' };
  if (!anonymous && kinds.includes('group')) return { allowed: false, reason: 'group_unknown' };
  return { allowed: false, reason: 'not_listed' };
}

export { ANONYMOUS, AUTHENTICATED };
