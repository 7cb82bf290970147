#!/usr/bin/env node
// `npm start`: build what is needed, then serve the dashboard on PORT (default 8080).
// Against DEVPI_URL when it is set; otherwise against the bundled devpi double seeded with demo data.
// The store is a SQLite file in ./data (DATA_DIR), created on first start; DATABASE_URL selects PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const children = [];

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function startDemoDevpi() {
  return new Promise((resolve, reject) => {
    const sim = spawn(process.execPath, [join(root, 'packages/devpi-sim/dist/cli.js'), '--host', '127.0.0.1', '--port', '0', '--demo'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(sim);
    sim.on('exit', (code) => {
      reject(new Error(`devpi double exited with ${code}`));
      stopAll(code ?? 1);
    });
    createInterface({ input: sim.stdout }).on('line', (line) => {
      console.log(`[devpi-sim] ${line}`);
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
}

const devpiUrl = process.env.DEVPI_URL || (await startDemoDevpi());
const port = process.env.PORT || '8080';
const host = process.env.HOST || '127.0.0.1';
const bff = spawn(process.execPath, [join(root, 'apps/bff/dist/server.js')], {
  cwd: root,
  stdio: 'inherit',
  // Standalone there is no load balancer: clients reach devpi directly, so its own URL is the public one.
  env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL || devpiUrl, DEVPI_URL: devpiUrl, PORT: port, HOST: host, STATIC_DIR: process.env.STATIC_DIR || join(root, 'apps/web/dist'), DATA_DIR: process.env.DATA_DIR || join(root, 'data') },
});
children.push(bff);
bff.on('exit', (code) => stopAll(code ?? 0));
console.log(`\ndevpi-dashboard: http://${host}:${port}/+dashboard/  (devpi: ${devpiUrl}${process.env.DEVPI_URL ? '' : ', demo data; sign in as root with an empty password'})\n`);
