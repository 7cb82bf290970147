/**
 * Base-chain checks done before devpi sees the request. devpi resolves bases depth-first; an index
 * that (indirectly) inherits from itself would loop, so such a choice is refused here.
 */
export type BaseGraph = ReadonlyMap<string, readonly string[]>;

/** The chain from `start` back to itself through `bases`, e.g. ["a/x", "b/y", "a/x"], or undefined. */
export function findCycle(graph: BaseGraph, start: string, bases: readonly string[]): string[] | undefined {
  const visiting = new Set<string>();
  function walk(name: string, path: string[]): string[] | undefined {
    if (name === start) return [...path, name];
    if (visiting.has(name)) return undefined;
    visiting.add(name);
    for (const next of graph.get(name) ?? []) {
      const found = walk(next, [...path, name]);
      if (found) return found;
    }
    return undefined;
  }
  for (const base of bases) {
    const found = walk(base, [start]);
    if (found) return found;
  }
  return undefined;
}

/** Indexes that may be added as a base of `self` without creating a cycle. */
export function allowedBases(graph: BaseGraph, self: string, current: readonly string[]): string[] {
  return [...graph.keys()].filter((name) => name !== self && !current.includes(name) && !findCycle(graph, self, [...current, name]));
}
