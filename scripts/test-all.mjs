#!/usr/bin/env node
// The one test command: build, lint, typecheck, unit/integration suites, then the e2e suite
// (browser -> nginx -> BFF -> devpi). Every suite writes a JSON report into reports/; the last line
// printed is the summary: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const failedSteps = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${secs}s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

const turbo = ['turbo', 'run', '--output-logs=errors-only', '--continue'];
const built = step('build', 'npx', [...turbo, 'build']);
// Against a real devpi the transcript replays need it freshly initialised and change root's password
// while they run (giving it back at the end): they go first, on their own, before any other suite
// signs in as root. In the turbo run below they then skip themselves (the server is no longer fresh).
if (process.env.DEVPI_URL) {
  step('devpi contract, alone against DEVPI_URL', 'npm', ['run', 'test', '--workspace', '@devpi-dashboard/devpi-sim', '--', 'test/contract.test.ts', 'test/contract-tokens.test.ts'], {
    VITEST_JSON_REPORT: '../../reports/vitest-devpi-contract.json',
  });
}
// One turbo run, so lint and typecheck of one workspace overlap the suites of another (the suites
// spend much of their time waiting on servers they started); keeps CI inside its 20 minutes.
step('lint, typecheck, unit and integration tests', 'npx', ['turbo', 'run', 'lint', 'typecheck', 'test', '--output-logs=errors-only', '--continue', '--concurrency=3']);
if (built) step('e2e', 'npm', ['run', 'test:e2e', '--workspace', 'e2e']);
else failedSteps.push('e2e (skipped: build failed)');

let passed = 0;
let failed = 0;
const lines = [];
for (const file of existsSync(reports) ? readdirSync(reports).sort() : []) {
  if (!file.endsWith('.json')) continue;
  const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
  let p = 0;
  let f = 0;
  if (typeof report.numPassedTests === 'number') {
    // vitest JSON reporter
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numFailedTestSuites ?? 0);
  } else if (report.stats && typeof report.stats.expected === 'number') {
    // Playwright JSON reporter
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
  } else continue;
  passed += p;
  failed += f;
  lines.push(`  ${file.replace(/\.json$/, '').padEnd(32)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed`);
}
console.log('\nSuites:');
console.log(lines.join('\n'));
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
// A failed step with no failed test (a lint error, a crash before reporting) still counts as a failure.
const failures = failed + (failed === 0 ? failedSteps.length : 0);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 && failedSteps.length === 0 ? 0 : 1);
