// The deployment of docker-compose.yml, started natively on loopback: devpi (a real server at
// DEVPI_URL, or else the double through its CLI), the built BFF serving the built SPA, and
// Debian's nginx running the project's own template in front of both.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, postgresAvailable, startPostgres } from '../../apps/bff/src/test-support/postgres-server.js';
import { startDns } from './dns.js';
import { loopbackVars, prepareNginxPrefix, startNginx } from './nginx.js';
import { repoRoot } from './paths.js';
import { freePort, stopChild, waitForHttp } from './processes.js';

export interface Topology {
  /** nginx, as browsers, pip and twine reach it. */
  lbUrl: string;
  /** devpi directly (for the fixtures' seeding client only). */
  devpiUrl: string;
  rootPassword: string;
  /** True when the suite runs against the in-memory double. */
  simulated: boolean;
  /** PIDs of the dashboard replicas nginx balances over. */
  replicaPids: number[];
  /** What the replicas share: PostgreSQL (as under compose), or one SQLite file where PostgreSQL is not installed. */
  store: 'postgres' | 'sqlite';
  stop: () => Promise<void>;
}

const DASHBOARD_NAME = 'dashboard.e2e.internal';
const REPLICA_HOSTS = ['127.0.0.1', '127.0.0.2'];
const bffEntry = join(repoRoot, 'apps/bff/dist/server.js');
const webDist = join(repoRoot, 'apps/web/dist');
const simCli = join(repoRoot, 'packages/devpi-sim/dist/cli.js');

function requireBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:e2e does)`);
}

function node(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * nginx's only resolver here is the loopback DNS that knows the dashboard replicas, so a devpi
 * given by host name is looked up now and proxied to by address (nginx sends the load
 * balancer's own Host header either way).
 */
async function devpiUpstream(devpiUrl: string): Promise<string> {
  const url = new URL(devpiUrl);
  if (url.protocol !== 'http:') throw new Error(`DEVPI_URL must be http:// (nginx proxies to devpi over plain HTTP): ${devpiUrl}`);
  const { address } = await lookup(url.hostname, { family: 4 });
  return `${address}:${url.port || '80'}`;
}

export interface TopologyOptions {
  /** Start the double trimmed the way devpi-admin / devpi-lockdown trim devpi (its `--trimmed`). */
  trimmed?: boolean;
}

/**
 * The replicas' shared store, as compose gives them: a throwaway PostgreSQL on a loopback port
 * (stopped by its PID with the rest). Outside CI, a machine without PostgreSQL falls back to one
 * SQLite file the replicas share; CI installs PostgreSQL (.ci/run) and must test what ships.
 */
async function sharedStore(prefix: string, closers: (() => Promise<void>)[]): Promise<{ kind: 'postgres' | 'sqlite'; env: NodeJS.ProcessEnv }> {
  if (!postgresAvailable()) {
    if (process.env.CI) throw new Error('PostgreSQL binaries not found: the e2e replicas share a PostgreSQL store in CI (apt-get install postgresql; .ci/run does)');
    return { kind: 'sqlite', env: { DATA_DIR: join(prefix, 'store') } };
  }
  const server = await startPostgres();
  closers.push(server.stop);
  return { kind: 'postgres', env: { DATABASE_URL: await createDatabase(server.url, 'dashboard_e2e') } };
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  requireBuilt(bffEntry);
  requireBuilt(join(webDist, 'index.html'));
  const children: ChildProcess[] = [];
  const prefix = await mkdtemp(join(tmpdir(), 'devpi-dashboard-e2e-nginx-'));

  const closers: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const child of children.reverse()) await stopChild(child);
    for (const close of closers) await close();
    await rm(prefix, { recursive: true, force: true });
  };

  try {
    let devpiUrl = process.env.DEVPI_URL?.replace(/\/+$/, '');
    const simulated = devpiUrl === undefined || devpiUrl === '';
    if (simulated) {
      requireBuilt(simCli);
      const port = await freePort();
      // As in docker-compose.yml: only root may create users and indexes (and so manage tokens), and
      // the devpi-tokens plugin is installed.
      const args = ['--host', '127.0.0.1', '--port', String(port), '--restrict-modify', 'root', '--tokens', ...(options.trimmed === true ? ['--trimmed'] : [])];
      const sim = node(simCli, args, process.env);
      children.push(sim);
      devpiUrl = `http://127.0.0.1:${port}`;
      await waitForHttp(`${devpiUrl}/+api`, sim);
    }
    if (devpiUrl === undefined) throw new Error('unreachable: devpiUrl is set above');

    const lbPort = await freePort();
    const lbUrl = `http://127.0.0.1:${lbPort}`;
    // A snapshot of the built SPA: a rebuild in the working tree during the run must not pull
    // index.html from under the replicas.
    const staticDir = join(prefix, 'web-dist');
    await cp(webDist, staticDir, { recursive: true });
    // The SPA's server entry beside it, where the BFF looks by default (it renders the landing page).
    await cp(join(webDist, '..', 'dist-server'), join(prefix, 'dist-server'), { recursive: true });

    // Two replicas on the same port of two loopback addresses, sharing one SESSION_SECRET, found
    // by nginx through a name with two A records, as `--scale dashboard=2` is under compose.
    const bffPort = await freePort();
    const store = await sharedStore(prefix, closers);
    const sessionSecret = randomBytes(32).toString('base64url');
    const replicaPids: number[] = [];
    for (const host of REPLICA_HOSTS) {
      const bff = node(bffEntry, [], {
        ...process.env,
        NODE_ENV: 'production',
        DEVPI_URL: devpiUrl,
        HOST: host,
        PORT: String(bffPort),
        PUBLIC_URL: lbUrl,
        SESSION_SECRET: sessionSecret,
        // One store for both replicas, so a logout on one ends the session on the other and the
        // login limits hold on both, as the postgres service gives them under compose.
        ...store.env,
        TRUST_PROXY_HOPS: '1',
        STATIC_DIR: staticDir,
        LOG_LEVEL: process.env.E2E_BFF_LOG_LEVEL ?? 'error',
      });
      children.push(bff);
      await waitForHttp(`http://${host}:${bffPort}/healthz`, bff);
      if (bff.pid !== undefined) replicaPids.push(bff.pid);
    }
    const dns = await startDns(new Map([[DASHBOARD_NAME, REPLICA_HOSTS]]));
    closers.push(dns.close);

    const vars = {
      ...loopbackVars(lbPort, 0, bffPort, staticDir),
      DASHBOARD_UPSTREAM: `${DASHBOARD_NAME}:${bffPort}`,
      NGINX_RESOLVER: `127.0.0.1:${dns.port}`,
      DEVPI_UPSTREAM: await devpiUpstream(devpiUrl),
    };
    const nginx = startNginx(await prepareNginxPrefix(prefix, vars));
    children.push(nginx);
    await waitForHttp(`${lbUrl}/+nginx-health`, nginx);
    await waitForHttp(`${lbUrl}/+dashboard/`, nginx);

    return { lbUrl, devpiUrl, rootPassword: process.env.DEVPI_ROOT_PASSWORD ?? '', simulated, replicaPids, store: store.kind, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
