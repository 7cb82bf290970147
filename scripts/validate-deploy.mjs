#!/usr/bin/env node
// CI checks for the deployment, runnable without a Docker engine: docker-compose.yml against the
// Compose specification schema and dclint, the Dockerfiles through dockerfile-utils' linter, and
// `nginx -t` on the rendered load-balancer config (plain and with TLS). The checks live in
// e2e/deploy/*.test.ts; this runs them and writes reports/deploy.json.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync('npm', ['run', 'test', '--workspace', 'e2e'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
