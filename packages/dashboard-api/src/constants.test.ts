import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as constants from './constants.js';
import { errorBodySchema } from './errors.js';
import * as root from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module specifier `file` imports or re-exports, followed through relative ones. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
  seen.set(file, specifiers);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) importGraph(join(dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('the constants entry', () => {
  it('pulls in no zod and no other package, so the SPA first chunk can import it', () => {
    const graph = importGraph(join(here, 'constants.ts'));
    const external = [...graph.values()].flat().filter((specifier) => !specifier.startsWith('.'));
    expect(external).toEqual([]);
    expect(graph.size).toBeGreaterThan(1);
  });

  it('is the same binding the package root exports', () => {
    expect(constants.errorCodes).toBe(root.errorCodes);
    expect(constants.CSRF_HEADER).toBe(root.CSRF_HEADER);
  });

  it('holds only codes the one error body accepts', () => {
    for (const code of Object.values(constants.errorCodes)) {
      expect(errorBodySchema.safeParse({ error: { code, message: 'x', status: 400 } }).success, code).toBe(true);
    }
  });
});
