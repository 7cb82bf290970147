/// <reference types="node" />
import type { CodeSplittingOptions } from 'rolldown';

/*
 * Fewer, larger chunks. Left to itself the bundler gives every module shared by two lazy routes
 * a file of its own: 60-odd chunks, most under 1 KB, each costing a request and about 900 B of
 * headers. Here the third-party code and the workspace packages are one `vendor` chunk (it changes
 * least often, so it stays cached across deploys), whatever the entry imports statically (the
 * shell and the landing page) stays in the entry, and every other module goes to the chunk of its
 * area, so opening a screen costs one request, two when it also needs the shared `screens` code.
 */

type NameContext = Parameters<Extract<NonNullable<CodeSplittingOptions['groups']>[number]['name'], (...args: never[]) => unknown>>[1];

/** Screen areas: a module under one of these folders goes to that area's chunk. */
const AREAS: [name: string, folders: RegExp][] = [
  ['users', /[\\/]src[\\/](app[\\/]routes[\\/]users|features[\\/]users)[\\/]/],
  ['indexes', /[\\/]src[\\/](app[\\/]routes[\\/](indexes[\\/]|permissions\.tsx)|features[\\/](indexes|permissions|client-config)[\\/])/],
  ['packages', /[\\/]src[\\/](app[\\/]routes[\\/](packages[\\/]|search\.tsx)|features[\\/](packages|search)[\\/])/],
];

const VENDOR = /[\\/]node_modules[\\/]|[\\/]packages[\\/][^\\/]+[\\/]dist[\\/]/;

/**
 * The entry's own modules (what main.tsx reaches through static imports: the early requests) and
 * the shell (what the app module it imports reaches: React, the router, the layout, the landing),
 * found once per chunking pass.
 */
interface Initial { entry: Set<string>; shell: Set<string> }
const initialByPass = new WeakMap<NameContext, Initial>();

/** Every module reached from `roots` through static imports. */
function staticGraph(ctx: NameContext, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const down = [...roots];
  while (down.length > 0) {
    const id = down.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    down.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

function initialModules(ctx: NameContext, anyId: string): Initial {
  const known = initialByPass.get(ctx);
  if (known) return known;
  // Climb from any module to the entries through importers, then walk down static imports.
  const entries = new Set<string>();
  const up = [anyId];
  const visited = new Set<string>();
  while (up.length > 0) {
    const id = up.pop() ?? '';
    if (visited.has(id)) continue;
    visited.add(id);
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    if (info.isEntry) entries.add(id);
    up.push(...info.importers, ...info.dynamicImporters);
  }
  const entry = staticGraph(ctx, [...entries]);
  const shellRoots = [...entry].flatMap((id) => ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
  const shell = staticGraph(ctx, shellRoots);
  for (const id of entry) shell.delete(id);
  const initial = { entry, shell };
  initialByPass.set(ctx, initial);
  return initial;
}

/** The chunk a module belongs to, or null to leave it where the entry is. */
export function chunkName(id: string, ctx: NameContext): string | null {
  const initial = initialModules(ctx, id);
  if (initial.entry.has(id)) return null;
  if (VENDOR.test(id)) return 'vendor';
  if (initial.shell.has(id)) return 'app';
  if (!/[\\/]src[\\/]/.test(id)) return null;
  return AREAS.find(([, folders]) => folders.test(id))?.[0] ?? 'screens';
}

export const codeSplitting: CodeSplittingOptions = {
  groups: [{ name: chunkName, debugName: "areas" }],
  includeDependenciesRecursively: false,
};
