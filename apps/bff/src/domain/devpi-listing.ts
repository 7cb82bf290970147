import type { IndexConfig, RootListing } from '@devpi-dashboard/devpi-client';

export interface ListedIndex {
  name: string;
  owner: string;
  index: string;
  config: IndexConfig;
}

/**
 * Every index from devpi's root listing. `GET /` carries each index's config but no project
 * lists, so this stays small even with a root/pypi mirror of 600,000 projects.
 */
export function listIndexes(listing: RootListing): ListedIndex[] {
  const indexes: ListedIndex[] = [];
  for (const [owner, user] of Object.entries(listing)) {
    for (const [index, config] of Object.entries(user.indexes ?? {})) indexes.push({ name: `${owner}/${index}`, owner, index, config });
  }
  return indexes.sort((a, b) => a.name.localeCompare(b.name));
}
