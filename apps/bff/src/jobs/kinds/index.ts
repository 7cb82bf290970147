import { JobRegistry } from '../registry.js';
import { cleanupKind } from './cleanup.js';
import { copyIndexKind } from './copy-index.js';
import { promoteKind } from './promote.js';

/** Every job kind this dashboard runs. A new kind adds one `.register(...)` line here. */
export function defaultRegistry(): JobRegistry {
  return new JobRegistry().register(cleanupKind).register(copyIndexKind).register(promoteKind);
}
