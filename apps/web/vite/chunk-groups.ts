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

/** Modules the entry reaches through static imports, found once per chunking pass. */
const initialByPass = new WeakMap<NameContext, Set<string>>();

function initialModules(ctx: NameContext, anyId: string): Set<string> {
  const known = initialByPass.get(ctx);
  if (known) return known;
  const seen = new Set<string>();
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
  const down = [...entries];
  while (down.length > 0) {
    const id = down.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    down.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  initialByPass.set(ctx, seen);
  return seen;
}

/** The chunk a module belongs to, or null to leave it where the entry is. */
export function chunkName(id: string, ctx: NameContext): string | null {
  if (VENDOR.test(id)) return 'vendor';
  if (initialModules(ctx, id).has(id)) return 'app';
  if (!/[\\/]src[\\/]/.test(id)) return null;
  return AREAS.find(([, folders]) => folders.test(id))?.[0] ?? 'screens';
}

export const codeSplitting: CodeSplittingOptions = {
  groups: [{ name: chunkName, debugName: "areas" }],
  includeDependenciesRecursively: false,
};
