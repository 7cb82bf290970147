import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { SearchHit } from '@devpi-dashboard/dashboard-api';
import { Parser } from 'htmlparser2';
import type { PackageStore } from './package-store.js';
import { isRefused, type Reader } from './reader.js';

interface Segment {
  index: string;
  names: string[];
  positions: Int32Array;
  from: number;
  to: number;
}

/**
 * Name search over every index's cached list. Results go exact matches first, then prefix, then
 * substring matches, each tier across all indexes (stages before mirrors, so local packages lead).
 */
export async function searchByName(store: PackageStore, reader: Reader, query: string, offset: number, limit: number): Promise<{ total: number; items: SearchHit[] }> {
  const configs = await store.configs(reader);
  const ordered = [...configs.entries()].sort(([a, ca], [b, cb]) => (ca.type === cb.type ? (a < b ? -1 : 1) : ca.type === 'mirror' ? 1 : -1));
  const found = await Promise.all(
    ordered.map(async ([name, config]) => {
      // An index devpi will not let this reader read (a read-restricting plugin) is not searched.
      const loaded = await store.ownList(name, config, reader).catch((error: unknown) => {
        if (isRefused(error)) return undefined;
        throw error;
      });
      return { name, loaded, hits: loaded && (await store.search(name, loaded, query)) };
    }),
  );
  const segments: Segment[] = [];
  for (const tier of [0, 1, 2]) {
    for (const { name, loaded, hits } of found) {
      if (!hits || !loaded) continue;
      const bounds = [0, hits.exact, hits.exact + hits.prefix, hits.hits.length];
      const from = bounds[tier] ?? 0;
      const to = bounds[tier + 1] ?? 0;
      if (to > from) segments.push({ index: name, names: loaded.list.names, positions: hits.hits, from, to });
    }
  }
  const total = segments.reduce((acc, s) => acc + (s.to - s.from), 0);
  const items: SearchHit[] = [];
  let skip = offset;
  for (const s of segments) {
    if (items.length >= limit) break;
    const size = s.to - s.from;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    for (let k = s.from + skip; k < s.to && items.length < limit; k += 1) {
      items.push({ index: s.index, name: s.names[s.positions[k] ?? 0] ?? '', excerpts: [] });
    }
    skip = 0;
  }
  return { total, items };
}

/**
 * Reads devpi-web's search result page. Each hit is a `dt.packagename` link to
 * `/<user>/<index>/<project>/<version>` followed by a `dd.packageinfo` whose
 * `div.packagedetails` names the project path and whose inner `dd`s hold the matched text.
 */
export function parseSearchHtml(html: string): { items: SearchHit[]; hasMore: boolean } {
  const items: SearchHit[] = [];
  let hasMore = false;
  let inResults = 0;
  let capture: 'name' | 'path' | 'excerpt' | 'next' | undefined;
  let buffer = '';
  let current: { href: string; label: string; path: string; excerpts: string[] } | undefined;
  const classes = (attribs: Record<string, string>) => (attribs.class ?? '').split(/\s+/);
  const finish = () => {
    if (!current) return;
    const [, user, index, project] = current.path.split('/');
    const label = current.label.replace(/\s+/g, ' ').trim();
    const version = decodeURIComponent(new URL(current.href, 'http://devpi.invalid/').pathname.split('/')[4] ?? '');
    if (user && index && project) items.push({ index: `${user}/${index}`, name: project, ...(version ? { version } : {}), excerpts: [...new Set(current.excerpts)] });
    else if (label) items.push({ index: '', name: label, excerpts: current.excerpts });
    current = undefined;
  };
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const cls = classes(attribs);
        if (cls.includes('searchresults')) inResults += 1;
        if (!inResults) return;
        if (tag === 'dt' && cls.includes('packagename')) { finish(); current = { href: '', label: '', path: '', excerpts: [] }; capture = 'name'; buffer = ''; }
        else if (tag === 'a' && capture === 'name' && current) current.href = attribs.href ?? '';
        else if (tag === 'div' && cls.includes('packagedetails')) { capture = 'path'; buffer = ''; }
        else if (tag === 'dd' && attribs.condition !== undefined) { capture = 'excerpt'; buffer = ''; }
        else if (tag === 'li' && cls.includes('next')) { capture = 'next'; buffer = ''; }
        else if (tag === 'a' && capture === 'next') hasMore = true;
      },
      ontext(text) {
        if (capture) buffer += text;
      },
      onclosetag(tag) {
        if (capture === 'name' && tag === 'dt' && current) { current.label = buffer; capture = undefined; }
        else if (capture === 'path' && tag === 'div' && current) { current.path = buffer.trim(); capture = undefined; }
        else if (capture === 'excerpt' && tag === 'dd' && current) { current.excerpts.push(buffer.replace(/\s+/g, ' ').trim()); capture = undefined; }
        else if (capture === 'next' && tag === 'li') capture = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  finish();
  return { items, hasMore };
}

/** devpi-web full-text search, page by page as devpi-web pages it (10 hits a page). */
export async function searchFullText(client: DevpiClient, query: string, page: number): Promise<{ items: SearchHit[]; hasMore: boolean }> {
  return parseSearchHtml(await client.searchHtml(query, page));
}

