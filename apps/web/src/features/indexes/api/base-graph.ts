import type { IndexList } from '@devpi-dashboard/dashboard-api';
import type { BaseGraph } from '../lib/bases';

/** index name → its bases, for cycle checks and "who inherits from this". */
export function baseGraph(list: IndexList): BaseGraph {
  return new Map(list.owners.flatMap((group) => group.indexes.map((index) => [index.name, index.bases] as const)));
}
