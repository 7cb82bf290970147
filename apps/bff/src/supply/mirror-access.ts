import { isMirrorIndex, normalizeProjectName, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { WhitelistInheritance } from '@devpi-dashboard/dashboard-api';
import { stageLike } from '../domain/stage-like.js';

/** `user/index` as its two parts. */
export const split = (name: string): [string, string] => {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
};

/** The whitelist keys of a stage (or a plugin index that carries them); undefined for mirrors. */
export function whitelistOf(config: IndexConfig): { entries: string[]; inheritance: WhitelistInheritance } | undefined {
  if (stageLike(config) === undefined) return undefined;
  const raw: Record<string, unknown> = config;
  const list = raw['mirror_whitelist'];
  const entries = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  // devpi: `ixconfig.get("mirror_whitelist_inheritance", "union")`; new indexes store "intersection".
  const inheritance = raw['mirror_whitelist_inheritance'] === 'intersection' ? 'intersection' : 'union';
  return { entries, inheritance };
}

/**
 * devpi's stage resolution order (`BaseStage.sro`): breadth first through `bases`, each index
 * once, missing bases skipped, and mirrors deferred to the end in the order they were met.
 */
export function devpiSro(start: string, configs: ReadonlyMap<string, IndexConfig>): string[] {
  const out: string[] = [];
  const mirrors: string[] = [];
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const name = todo.shift() as string;
    out.push(name);
    seen.add(name);
    const config = configs.get(name);
    for (const base of config ? (stageLike(config)?.bases ?? []) : []) {
      if (seen.has(base)) continue;
      const baseConfig = configs.get(base);
      if (baseConfig === undefined) continue;
      if (isMirrorIndex(baseConfig)) {
        mirrors.push(base);
        seen.add(base);
      } else todo.push(base);
    }
  }
  return [...out, ...mirrors];
}

export interface MirrorAccess {
  /** Indexes in resolution order that devpi asks for the project (they hold it and are not blocked). */
  consulted: string[];
  /** Stages holding the project. */
  privateOn: string[];
  /** Mirrors devpi skips for this project: it is private and not whitelisted. */
  blocked: string[];
  /** The first stage whose own whitelist entry (`*` or the name) lets mirrors in, if any does. */
  whitelistedBy: { index: string; entry: string } | null;
}

/**
 * Which indexes devpi merges for one project, as `op_sro_check_mirror_whitelist` decides: the
 * whitelists of the stages met so far are combined by the start index's
 * `mirror_whitelist_inheritance`; a stage holding the project while it is not whitelisted makes
 * it private, and mirrors met after that are skipped.
 */
export function mirrorAccess(start: string, configs: ReadonlyMap<string, IndexConfig>, project: string, holds: (index: string) => boolean, sro = devpiSro(start, configs)): MirrorAccess {
  const name = normalizeProjectName(project);
  const startConfig = configs.get(start);
  const inheritance = (startConfig && whitelistOf(startConfig)?.inheritance) ?? 'union';
  const result: MirrorAccess = { consulted: [], privateOn: [], blocked: [], whitelistedBy: null };
  let whitelist: Set<string> | undefined;
  let whitelisted = false;
  let privateHit = false;
  for (const index of sro) {
    const config = configs.get(index);
    if (config === undefined) continue;
    if (isMirrorIndex(config)) {
      if (privateHit && !whitelisted) {
        result.blocked.push(index);
        continue;
      }
    } else {
      const own = whitelistOf(config)?.entries ?? [];
      const mine = new Set(own);
      whitelist = whitelist === undefined ? mine : inheritance === 'union' ? new Set([...whitelist, ...mine]) : new Set([...whitelist].filter((x) => mine.has(x)));
      const held = holds(index);
      if (held) result.privateOn.push(index);
      if (whitelist.has('*') || whitelist.has(name)) {
        whitelisted = true;
        if (result.whitelistedBy === null) {
          const by = sro.find((s) => {
            const entries = whitelistOf(configs.get(s) ?? config)?.entries ?? [];
            return entries.includes('*') || entries.includes(name);
          });
          const entries = whitelistOf(configs.get(by ?? index) ?? config)?.entries ?? [];
          result.whitelistedBy = { index: by ?? index, entry: entries.includes(name) ? name : '*' };
        }
      } else if (held) privateHit = true;
    }
    if (holds(index)) result.consulted.push(index);
  }
  return result;
}
