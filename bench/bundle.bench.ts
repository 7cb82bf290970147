// The SPA's JavaScript as a browser downloads it, from the built apps/web/dist (run after
// `npm run build`): the initial JS (what index.html loads, the budgeted figure), the first screen
// (initial plus the app layout with the shared API layer and the overview route), and what each
// route adds when navigated to (beyond the initial JS and, for screens inside the app layout,
// beyond the layout). Sizes are those of the build's .gz twins, the bytes nginx and the BFF send.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { z } from 'zod';
import type { BenchRow } from './types.js';

const BENCH = 'bundle';
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web', 'dist');
/** Issue 15: at most 100 KB of JavaScript, gzipped, on a cold load of the landing page. */
const INITIAL_BUDGET_KB = 100;

const chunkSchema = z.object({
  file: z.string(),
  src: z.string().optional(),
  name: z.string().optional(),
  isEntry: z.boolean().optional(),
  isDynamicEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
});
type Chunk = z.infer<typeof chunkSchema>;

function gzipKb(file: string): number {
  const twin = join(dist, `${file}.gz`);
  return (existsSync(twin) ? readFileSync(twin).length : gzipSync(readFileSync(join(dist, file)), { level: 9 }).length) / 1024;
}

/** `key` and everything it imports statically, as manifest keys. */
function closure(manifest: Record<string, Chunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) closure(manifest, next, seen);
  return seen;
}

function sizeOf(manifest: Record<string, Chunk>, keys: Iterable<string>): number {
  let total = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith('.js')) total += gzipKb(chunk.file);
  }
  return total;
}

/** The package a source of the map belongs to: an npm package, a workspace package, or the SPA itself. */
function owner(source: string | undefined): string {
  if (source === undefined) return '(bundler glue)';
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (npm?.[1]) return npm[1];
  const workspace = /packages\/([^/]+)\//.exec(source);
  return workspace?.[1] ? `@devpi-dashboard/${workspace[1]}` : 'the SPA (apps/web/src)';
}

const mapSchema = z.object({ sources: z.array(z.string()), mappings: z.string() });

/**
 * What each package costs in `file`, from its source map: every byte of the minified output goes to
 * the source its mapping names, and each package's bytes are gzipped on their own. The parts add
 * up to a little more than the file, whose compression also finds repeats across packages.
 */
function costByPackage(file: string): Map<string, number> {
  const code = readFileSync(join(dist, file), 'utf8').split('\n');
  const map = mapSchema.parse(JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')));
  const parts = new Map<string, string[]>();
  decode(map.mappings).forEach((segments, line) => {
    const text = code[line] ?? '';
    segments.forEach((segment, i) => {
      const key = owner(segment.length > 1 ? map.sources[segment[1] ?? -1] : undefined);
      const piece = text.slice(segment[0], segments[i + 1]?.[0] ?? text.length);
      parts.set(key, [...(parts.get(key) ?? []), piece]);
    });
  });
  return new Map([...parts].map(([key, pieces]) => [key, gzipSync(pieces.join(''), { level: 9 }).length / 1024]));
}

/** "src/app/routes/indexes/edit.tsx" -> "indexes/edit" (every route module lives under app/routes). */
function routeName(src: string): string {
  return src.replace(/^src\/app\/routes\//, '').replace(/\.tsx?$/, '');
}

export async function run(): Promise<BenchRow[]> {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = z.record(z.string(), chunkSchema).parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('the manifest has no entry chunk');

  // What index.html loads: its entry script and every chunk it preloads (the app, which the entry
  // imports dynamically so a server-rendered page paints first), with all they import statically.
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/\+dashboard\/([^"]+\.js)"/g)].map((m) => m[1]);
  const initial = new Set<string>(closure(manifest, entry));
  for (const [key, chunk] of Object.entries(manifest)) if (loaded.includes(chunk.file)) closure(manifest, key, initial);
  const initialKb = sizeOf(manifest, initial);
  const rows: BenchRow[] = [
    { bench: BENCH, metric: 'initial JS (index.html), gzipped', value: initialKb, unit: 'KB', target: `<= ${INITIAL_BUDGET_KB} KB`, ok: initialKb <= INITIAL_BUDGET_KB },
  ];

  // Where the initial JS goes, largest first: the part the budget can act on is what is not
  // react-dom, react-router and TanStack Query (fixed by the client).
  const costs = new Map<string, number>();
  for (const key of initial) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js') && existsSync(join(dist, `${file}.map`))) {
      for (const [pkg, kb] of costByPackage(file)) costs.set(pkg, (costs.get(pkg) ?? 0) + kb);
    }
  }
  for (const [pkg, kb] of [...costs].sort((a, b) => b[1] - a[1]).filter(([, kb]) => kb >= 0.5)) {
    rows.push({ bench: BENCH, metric: `initial JS: ${pkg} (gzipped alone)`, value: kb, unit: 'KB' });
  }

  // Screens are grouped by area (apps/web/vite/chunk-groups.ts); the layout and the landing page
  // live in the entry. A route module that is still its own dynamic entry is listed by its name.
  const routes = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry && chunk.src && /\/routes\//.test(chunk.src))
    .map(([key, chunk]) => ({ key, name: routeName(chunk.src ?? key), own: [...closure(manifest, key)].filter((k) => !initial.has(k)) }));
  const layout = new Set(routes.find((r) => r.name === 'app-layout')?.own ?? []);
  const firstScreen = new Set([...initial, ...layout, ...(routes.find((r) => r.name === 'home')?.own ?? [])]);
  const firstKb = sizeOf(manifest, firstScreen);
  rows.push({ bench: BENCH, metric: 'first screen (initial + layout + overview)', value: firstKb, unit: 'KB', target: `<= ${INITIAL_BUDGET_KB} KB`, ok: firstKb <= INITIAL_BUDGET_KB });

  for (const route of routes.filter((r) => r.name !== 'app-layout' && r.name !== 'home').sort((a, b) => a.name.localeCompare(b.name))) {
    rows.push({ bench: BENCH, metric: `route ${route.name}`, value: sizeOf(manifest, route.own.filter((key) => !layout.has(key))), unit: 'KB' });
  }
  const lazy = Object.entries(manifest).filter(([key, chunk]) => !initial.has(key) && chunk.file.endsWith('.js') && !chunk.isDynamicEntry);
  for (const [key, chunk] of lazy.sort(([a], [b]) => a.localeCompare(b))) {
    rows.push({ bench: BENCH, metric: `screens chunk ${chunk.name ?? key}`, value: sizeOf(manifest, [key]), unit: 'KB' });
  }
  rows.push({ bench: BENCH, metric: 'JS files in the build', value: Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js')).length, unit: '' });
  return rows;
}

// Runnable on its own too: `npx tsx bench/bundle.bench.ts`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.metric.padEnd(58)} ${row.value.toFixed(1).padStart(7)} ${row.unit} ${row.target ?? ''} ${row.ok === false ? 'MISS' : ''}`);
}
