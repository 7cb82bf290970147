import { isStageIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { IndexWarning } from '@devpi-dashboard/dashboard-api';
import { isVolatile, stageLike } from './stage-like.js';
import { ANONYMOUS } from './upload-permission.js';

/**
 * Findings an admin should see next to an index. `users` and `indexes` are every existing user
 * name and `owner/name` (from devpi's root listing).
 */
export function indexWarnings(name: string, config: IndexConfig, users: ReadonlySet<string>, indexes: ReadonlyMap<string, IndexConfig>): IndexWarning[] {
  const stage = stageLike(config);
  if (stage === undefined) return [];
  const warnings: IndexWarning[] = [];
  const acl = stage.aclUpload;
  if (acl.some((entry) => entry.toUpperCase() === ANONYMOUS)) {
    warnings.push({ code: 'anonymous_upload', message: `Anyone, even without logging in, can upload to ${name}.` });
  }
  if (acl.length === 0) warnings.push({ code: 'nobody_can_upload', message: `acl_upload of ${name} is empty: nobody can upload.` });
  for (const entry of acl) {
    if (!entry.startsWith(':') && !users.has(entry)) {
      warnings.push({
        code: 'acl_unknown_user',
        message: `acl_upload lists ${entry}, who does not exist: whoever creates a user of that name may upload to ${name}.`,
      });
    }
  }
  for (const base of stage.bases) {
    const baseConfig = indexes.get(base);
    if (baseConfig === undefined) {
      warnings.push({ code: 'missing_base', message: `Base ${base} does not exist.` });
    } else if (!isVolatile(config) && isVolatile(baseConfig) && isStageIndex(baseConfig)) {
      warnings.push({
        code: 'volatile_base_of_non_volatile',
        message: `${name} is non-volatile but its base ${base} is volatile: releases it serves from ${base} can be deleted or replaced.`,
      });
    }
  }
  return warnings;
}
