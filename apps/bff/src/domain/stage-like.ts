import { isPluginIndex, isStageIndex, type IndexConfig } from '@devpi-dashboard/devpi-client';

/** The keys of an index that accepts uploads and inherits from bases. */
export interface StageLike {
  bases: string[];
  aclUpload: string[];
}

/**
 * A stage, or a plugin index treated as one: devpi's upload check reads acl_upload on any stage
 * subclass (e.g. devpi-constrained), so a plugin index that carries acl_upload behaves as a stage.
 * A plugin index without it is opaque: undefined, like a mirror.
 */
export function stageLike(config: IndexConfig): StageLike | undefined {
  if (isStageIndex(config)) return { bases: config.bases, aclUpload: config.acl_upload };
  if (isPluginIndex(config) && config.acl_upload !== undefined) return { bases: config.bases ?? [], aclUpload: config.acl_upload };
  return undefined;
}

/** devpi's default volatile is true, but a plugin type may not report it; absent reads as "not volatile". */
export function isVolatile(config: IndexConfig): boolean {
  return config.volatile === true;
}
