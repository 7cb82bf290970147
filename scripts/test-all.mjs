#!/usr/bin/env node
// The one test command: build, lint, typecheck, unit/integration suites, then the e2e suite
// (browser -> nginx -> BFF -> devpi). Every suite writes a JSON report into reports/; the last line
// printed is the summary: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const failedSteps = [];
function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${secs}s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

/** Starts a step beside the next ones; its output goes to a log printed when it is awaited. */
function background(name, cmd, args) {
  const log = join(reports, `${name.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', fd, fd], env: process.env });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return async () => {
    const code = await exited;
    closeSync(fd);
    console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}\n${readFileSync(log, 'utf8')}`);
    const ok = code === 0;
    console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)}s (beside e2e)`);
    if (!ok) failedSteps.push(name);
  };
}

const turbo = ['turbo', 'run', '--output-logs=errors-only', '--continue'];
const built = step('build', 'npx', [...turbo, 'build']);
if (built) {
  // Lint and typecheck cannot flake on a loaded machine, so they run beside the e2e suite (one
  // browser, mostly waiting); `--only` keeps turbo from touching the built output e2e is serving.
  // The unit and integration suites run after, alone, as before. Keeps CI inside its 20 minutes.
  const checks = background('lint and typecheck', 'npx', [...turbo, '--only', 'lint', 'typecheck']);
  step('e2e', 'npm', ['run', 'test:e2e', '--workspace', 'e2e']);
  await checks();
} else {
  step('lint and typecheck', 'npx', [...turbo, 'lint', 'typecheck']);
  failedSteps.push('e2e (skipped: build failed)');
}
step('unit and integration tests', 'npx', ['turbo', 'run', 'test', '--continue', '--concurrency=2']);

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
