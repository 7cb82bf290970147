// Where the recorded ground truth lives. Paths are resolved from this module so they hold from src/ and dist/ alike.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The devpi-server version every recording here was taken from. */
export const DEVPI_VERSION = '6.19.1';

/** The folder holding API.md, API-tokens.md, transcripts/ and transcripts-tokens/. */
export const GROUND_TRUTH_DIR = fileURLToPath(new URL('../devpi-6.19.1/', import.meta.url));

/** devpi-server + devpi-web on a fresh devpi-init, one exchange per file, replayed in file order. */
export const TRANSCRIPT_DIR = join(GROUND_TRUTH_DIR, 'transcripts');

/** devpi-server with the devpi-tokens plugin, on its own fresh devpi-init. */
export const TOKEN_TRANSCRIPT_DIR = join(GROUND_TRUTH_DIR, 'transcripts-tokens');

/** Notes on devpi's HTTP API written while recording. */
export const API_NOTES = join(GROUND_TRUTH_DIR, 'API.md');
export const TOKEN_API_NOTES = join(GROUND_TRUTH_DIR, 'API-tokens.md');

/** The exchange files of one recording folder, in replay order. */
export function exchangeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
