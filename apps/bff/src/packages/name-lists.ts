import { normalizeProjectName } from '@devpi-dashboard/devpi-client';

/**
 * A sorted project-name list held in memory. `norm` is PEP 503-normalised and is what sorting and
 * searching use; `source[i]` indexes into `sources` (the index a name is found on first).
 */
export interface NameList {
  names: string[];
  norm: string[];
  source: Uint16Array;
  sources: string[];
}

/** PEP 503 form; most names already are, and skipping the regex for them matters at 600,000. */
function normalise(name: string): string {
  return /[A-Z_.]|--/.test(name) ? normalizeProjectName(name) : name;
}

/** Builds a sorted, de-duplicated list of one index's own projects. */
export function nameList(index: string, raw: readonly string[]): NameList {
  const norm = raw.map(normalise);
  let sorted = true;
  for (let i = 1; i < norm.length && sorted; i += 1) sorted = (norm[i - 1] as string) < (norm[i] as string);
  // devpi usually sends its list sorted and normalised already: then it is used as it is.
  if (sorted) return { names: [...raw], norm, source: new Uint16Array(norm.length), sources: [index] };
  const byNorm = new Map<string, string>();
  raw.forEach((name, i) => {
    const n = norm[i] as string;
    if (!byNorm.has(n)) byNorm.set(n, name);
  });
  // The default sort compares UTF-16 code units, the order the searches and merges rely on.
  const keys = [...byNorm.keys()].sort();
  return { names: keys.map((n) => byNorm.get(n) ?? n), norm: keys, source: new Uint16Array(keys.length), sources: [index] };
}

/**
 * Merges per-index lists given in resolution order. A name keeps the first index that has it, as
 * devpi's lookup through the bases finds it there first. Linear: the inputs are already sorted.
 */
export function mergeLists(lists: NameList[]): NameList {
  const sources = lists.flatMap((l) => l.sources);
  const offsets: number[] = [];
  lists.reduce((acc, l) => (offsets.push(acc), acc + l.sources.length), 0);
  const total = lists.reduce((acc, l) => acc + l.norm.length, 0);
  const names: string[] = [];
  const norm: string[] = [];
  const source = new Uint16Array(total);
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k += 1) {
      const candidate = lists[k]?.norm[at[k] ?? 0];
      if (candidate === undefined) continue;
      const current = best < 0 ? undefined : lists[best]?.norm[at[best] ?? 0];
      if (current === undefined || candidate < current) best = k;
    }
    if (best < 0) break;
    const list = lists[best] as NameList;
    const i = at[best] ?? 0;
    const n = list.norm[i] as string;
    source[norm.length] = (offsets[best] ?? 0) + (list.source[i] ?? 0);
    norm.push(n);
    names.push(list.names[i] ?? n);
    // The same name further down the resolution order is shadowed: skip it everywhere.
    for (let k = 0; k < lists.length; k += 1) if (lists[k]?.norm[at[k] ?? 0] === n) at[k] = (at[k] ?? 0) + 1;
  }
  return { names, norm, source: source.slice(0, norm.length), sources };
}

/** Positions of matching names, best first, and how many are exact and prefix matches. */
export interface SearchHits {
  hits: Int32Array;
  exact: number;
  prefix: number;
}

/**
 * Positions of the names matching `query`, best first: the exact name, then names starting with
 * it, then names containing it; alphabetical within each group. An empty query matches all.
 */
export function searchList(list: NameList, query: string): SearchHits | undefined {
  const q = normalizeProjectName(query.trim());
  if (q === '') return undefined;
  const exact: number[] = [];
  const prefix: number[] = [];
  const inner: number[] = [];
  const { norm } = list;
  for (let i = 0; i < norm.length; i += 1) {
    const n = norm[i] as string;
    const at = n.indexOf(q);
    if (at < 0) continue;
    if (at > 0) inner.push(i);
    else if (n.length === q.length) exact.push(i);
    else prefix.push(i);
  }
  return { hits: Int32Array.from([...exact, ...prefix, ...inner]), exact: exact.length, prefix: prefix.length };
}

/** A page of a list, optionally through a search result's positions. */
export function pageOf(list: NameList, hits: Int32Array | undefined, offset: number, limit: number) {
  const total = hits ? hits.length : list.norm.length;
  const items: Array<{ name: string; index: string }> = [];
  for (let k = offset; k < Math.min(total, offset + limit); k += 1) {
    const i = hits ? (hits[k] ?? 0) : k;
    items.push({ name: list.names[i] ?? '', index: list.sources[list.source[i] ?? 0] ?? '' });
  }
  return { total, items };
}
