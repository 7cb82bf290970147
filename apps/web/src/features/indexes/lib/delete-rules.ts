import type { IndexConfig } from '@devpi-dashboard/devpi-client';

/** Why devpi would refuse to delete `user/index` for this session, or undefined when it would not. */
export function deleteIndexBlocker(config: IndexConfig, owner: string, session: { user: string | null; isRoot: boolean }): string | undefined {
  if (!session.user) return 'Sign in as the owner or root to delete this index.';
  if (!session.isRoot && session.user !== owner) return `Only ${owner} (the owner) and root may delete this index.`;
  if (!config.volatile) {
    return 'devpi does not delete non-volatile indexes, so released files cannot disappear. Edit the index and tick “Volatile” first if you really mean to delete it.';
  }
  return undefined;
}

/** Indexes that list `name` among their bases; they lose what they inherited from it. */
export function dependents(graph: ReadonlyMap<string, readonly string[]>, name: string): string[] {
  return [...graph.entries()].filter(([, bases]) => bases.includes(name)).map(([other]) => other);
}
