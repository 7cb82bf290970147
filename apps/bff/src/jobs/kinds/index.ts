import type { Store } from '../../store/index.js';
import { PasswordVault } from '../../lifecycle/password-vault.js';
import { StorageStore } from '../../storage/storage-store.js';
import { JobRegistry } from '../registry.js';
import { bulkAclKind } from './bulk-acl.js';
import { cleanupKind } from './cleanup.js';
import { copyIndexKind } from './copy-index.js';
import { promoteKind } from './promote.js';
import { storageReportKind } from './storage-report.js';
import { usersCsvKind } from './users-csv.js';

/** What kinds that keep rows of their own (storage report, generated passwords) need from the BFF. */
export interface KindDeps {
  store: Store;
  sessionSecret: string;
}

/** Every job kind this dashboard runs. A new kind adds one `.register(...)` line here. */
export function defaultRegistry(deps?: KindDeps): JobRegistry {
  const registry = new JobRegistry().register(cleanupKind).register(copyIndexKind).register(promoteKind).register(bulkAclKind);
  if (deps === undefined) return registry;
  return registry
    .register(usersCsvKind(new PasswordVault(deps.store, deps.sessionSecret)))
    .register(storageReportKind(new StorageStore(deps.store)));
}
