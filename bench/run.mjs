#!/usr/bin/env node
// Runs every bench/*.bench.ts, each in its own Node process (so one benchmark's heap and sockets
// never colour another's figures), and prints one table. Ratios are measured side by side inside
// each benchmark, in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows = [];
let crashed = 0;
for (const file of files) {
  console.error(`running ${file} ...`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'child.mjs'), join(here, file)], {
    cwd: here,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_ROWS '));
  if (r.status !== 0 || !line) {
    crashed += 1;
    rows.push({ bench: file, metric: 'crashed', value: Number.NaN, unit: '', target: '', ok: false });
    continue;
  }
  rows.push(...JSON.parse(line.slice('BENCH_ROWS '.length)));
}

const fmt = (v) => (Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const table = rows.map((r) => [r.bench, r.metric, `${fmt(r.value)} ${r.unit}`.trim(), r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS']);
const head = ['benchmark', 'metric', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
const missed = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.length} figures from ${files.length} benchmarks; ${missed} targets missed${crashed ? `, ${crashed} crashed` : ''}`);
process.exit(crashed ? 1 : 0);
