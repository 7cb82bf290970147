import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { exitOnCrash } from './crash.js';
import { createLogger } from './logger.js';
import type { Lifecycle } from './middleware/draining.js';
import { createDevpiAgent } from './proxy/devpi-agent.js';
import { startHistoryUpkeep } from './history/upkeep.js';
import { HistoryStore } from './history/history-store.js';
import { createStore } from './store/index.js';
import { createJobRunner } from './jobs/index.js';
import { defaultRegistry } from './jobs/kinds/index.js';
import { registerSupplyKinds } from './supply/vulns/scan-job.js';
import { createVulnScanner } from './supply/vulns/vuln-scan.js';

/** Kubernetes and compose give 10 s between SIGTERM and SIGKILL by default; leave a margin. */
export const SHUTDOWN_TIMEOUT_MS = 9_000;

export interface RunningServer {
  server: Server;
  url: string;
  /**
   * Readiness-first drain: /readyz fails at once while requests are still served (with
   * `Connection: close`) for the configured drain delay; then the listener closes, in-flight
   * requests finish and kept-alive sockets are closed; anything left is cut at the timeout.
   */
  shutdown: () => Promise<void>;
}

export interface StartOptions {
  /** Counted from the start of the shutdown, drain delay included. */
  shutdownTimeoutMs?: number;
  now?: () => number;
  /** Waits out the drain delay; tests pass one they end themselves. */
  drainWait?: (ms: number) => Promise<void>;
}

export async function startServer(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const lifecycle: Lifecycle = { phase: 'serving' };
  // Migrated before listening: a replica never serves on a schema older than its code.
  const store = await createStore(config.store);
  logger.info({ store: store.dialect, ...(store.dialect === 'sqlite' ? { dataDir: config.store.dataDir } : {}) }, 'store ready');
  const devpiAgent = createDevpiAgent(config.devpiUrl);
  const history = new HistoryStore(store);
  const upkeep = startHistoryUpkeep({ store: history, config, logger, now: options.now ?? Date.now });
  const supply = createVulnScanner({ store, config, logger, now: options.now ?? Date.now });
  const jobRegistry = registerSupplyKinds(defaultRegistry({ store, sessionSecret: config.sessionSecret }), supply.scanner, supply.vulns);
  const jobRunner = createJobRunner({ config, store, history, logger, registry: jobRegistry, ...(options.now ? { now: options.now } : {}) });
  const app = createApp({ config, logger, devpiAgent, lifecycle, store, history, jobRunner, jobRegistry, replica: config.replicaId, ...(options.now ? { now: options.now } : {}) });
  const server = createServer(app);
  // Longer than nginx's upstream keepalive_timeout (60 s), so nginx never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A 500 MB upload over a slow link takes longer than Node's 5-minute default.
  server.requestTimeout = 30 * 60_000;
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.info({ url, devpi: new URL(config.devpiUrl).host }, 'devpi-dashboard BFF listening');
  jobRunner.start();

  const closeListener = () =>
    new Promise<void>((resolve) => {
      lifecycle.phase = 'closing';
      logger.info('drain over: refusing new connections, finishing in-flight requests');
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearInterval(idleSweep);
        resolve();
      });
      server.closeIdleConnections();
    });

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      lifecycle.phase = 'draining';
      logger.info({ drainDelayMs: config.drainDelayMs }, 'shutting down: /readyz fails, still serving during the drain delay');
      const force = setTimeout(() => {
        logger.warn('shutdown timeout: closing the remaining connections');
        server.closeAllConnections();
      }, options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS);
      if (config.drainDelayMs > 0) await (options.drainWait ?? delay)(config.drainDelayMs);
      await closeListener();
      // Leases given back: another replica (or this one restarted) carries on at once.
      await jobRunner.stop().catch((error: unknown) => logger.error({ err: error }, 'jobs: could not stop cleanly'));
      clearTimeout(force);
      devpiAgent.destroy();
      upkeep.stop();
      await store.close();
      logger.info('shut down');
    })();
    return stopping;
  };
  return { server, url, shutdown };
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  let config: Config;
  try {
    config = loadConfig(process.env, join(here, '../../web/dist'));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.sessionSecretGenerated) {
    logger.warn('SESSION_SECRET is not set: generated one for this process; sessions end on restart and are not shared between replicas');
  }
  // Handlers first: a SIGTERM that arrives while still starting must shut down cleanly too.
  const starting = startServer(config, logger);
  const stop = (signal: string) => {
    logger.info({ signal }, 'signal received');
    // Belt and braces: whatever hangs, the process is gone before an orchestrator's SIGKILL.
    setTimeout(() => process.exit(1), 10_000).unref();
    void starting.then((running) => running.shutdown()).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  exitOnCrash({
    logger,
    close: () => starting.then((running) => running.shutdown()),
    exit: (code) => process.exit(code),
    timeoutMs: SHUTDOWN_TIMEOUT_MS + 1_000,
  });
  await starting;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
