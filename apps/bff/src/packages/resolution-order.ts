import type { IndexConfig, RootListing } from '@devpi-dashboard/devpi-client';
import type { ResolvedIndex } from '@devpi-dashboard/dashboard-api';
import { isVolatile, stageLike } from '../domain/stage-like.js';

/** Every index config on the server, keyed `user/index`. */
export function indexConfigs(root: RootListing): Map<string, IndexConfig> {
  const map = new Map<string, IndexConfig>();
  for (const [user, config] of Object.entries(root)) {
    for (const [index, ix] of Object.entries(config.indexes ?? {})) map.set(`${user}/${index}`, ix);
  }
  return map;
}

/**
 * devpi's stage resolution order (`BaseStage.sro`): breadth first from the index through its
 * `bases`, each stage once. Missing bases are listed (devpi skips them) so the page can say so.
 */
export function resolutionOrder(start: string, configs: Map<string, IndexConfig>): ResolvedIndex[] {
  const order: ResolvedIndex[] = [];
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const name = todo.shift() as string;
    // devpi may visit a diamond's shared base twice; the second visit adds nothing, so it is dropped.
    if (seen.has(name)) continue;
    seen.add(name);
    const config = configs.get(name);
    if (!config) {
      order.push({ name, type: 'unknown', volatile: false, missing: true });
      continue;
    }
    order.push({ name, type: config.type, volatile: isVolatile(config), missing: false });
    for (const base of stageLike(config)?.bases ?? []) if (!seen.has(base)) todo.push(base);
  }
  return order;
}
