/// <reference types="node" />
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { gzipAsync as zopfliGzip } from '@gfx/zopfli';
import type { Plugin } from 'vite';

const brotliAsync = promisify(brotliCompress);
/**
 * Zopfli's passes over the input: 15 is its default; above 64 KB (the vendor code of the entry)
 * 5 keeps the build within seconds for all but the last fraction of a percent.
 */
const zopfliIterations = (bytes: number): number => (bytes > 64 * 1024 ? 5 : 15);

/** Text the browser downloads; source maps are left out (fetched only with devtools open). */
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt']);
/** Below this, headers outweigh what compression saves (the same floor as nginx's gzip_min_length). */
const MIN_BYTES = 1024;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `<file>.gz` (zopfli: a deflate stream any gzip client reads, about 3 % smaller than
 * zlib's level 9) and `<file>.br` (quality 11) next to every text file of the build,
 * once, so neither nginx (gzip_static) nor the BFF (routes/precompressed.ts) compresses per request
 * and both send the smallest bytes. A twin that would not be smaller is not written.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'devpi-dashboard:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      for await (const file of filesUnder(outDir)) {
        if (!TEXT.has(extname(file))) continue;
        const body = await readFile(file);
        if (body.length < MIN_BYTES) continue;
        const [gz, br] = await Promise.all([
          zopfliGzip(body, { numiterations: zopfliIterations(body.length) }),
          brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        ]);
        if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
        if (br.length < body.length) await writeFile(`${file}.br`, br);
      }
    },
  };
}
