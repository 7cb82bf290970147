/**
 * Counts what the hardening suites tried, so the figures in docs/hardening.md come from a run and
 * not from reading the corpus. Each suite writes reports/hardening/<suite>.json when it ends.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../../../reports/hardening/', import.meta.url));

export class Tally {
  private readonly counts: Record<string, number> = {};

  constructor(private readonly suite: string) {}

  add(what: string, n = 1): void {
    this.counts[what] = (this.counts[what] ?? 0) + n;
  }

  get(what: string): number {
    return this.counts[what] ?? 0;
  }

  write(): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}${this.suite}.json`, `${JSON.stringify({ suite: this.suite, counts: this.counts }, null, 2)}\n`);
  }
}
