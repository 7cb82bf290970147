import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

/** The OSV entries of fixtures/osv, written by hand in the OSV schema, by file name. */
export const OSV_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'supply', 'vulns', 'fixtures', 'osv');

export function osvFixtures(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(OSV_FIXTURE_DIR).filter((file) => file.endsWith('.json')).sort()) {
    out[name] = JSON.parse(readFileSync(join(OSV_FIXTURE_DIR, name), 'utf8'));
  }
  return out;
}

/** A zip laid out like OSV's `PyPI/all.zip`: one JSON document per entry at the top level. */
export function osvDumpBytes(entries: Record<string, unknown> = osvFixtures()): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, entry] of Object.entries(entries)) files[name] = strToU8(JSON.stringify(entry));
  return zipSync(files);
}

export function writeOsvDump(path: string, entries?: Record<string, unknown>): string {
  writeFileSync(path, osvDumpBytes(entries));
  return path;
}
