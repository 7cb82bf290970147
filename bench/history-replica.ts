// One BFF for the history bench, in its own process: built by createApp exactly as server.ts
// builds it, with the history recorder (BENCH_HISTORY=on) or without it (off), on the store that
// DATABASE_URL or DATA_DIR names. Prints `listening <url>` once it accepts connections.
import { createApp } from '../apps/bff/src/app.js';
import { loadConfig } from '../apps/bff/src/config.js';
import { HistoryStore } from '../apps/bff/src/history/history-store.js';
import { createLogger } from '../apps/bff/src/logger.js';
import { createDevpiAgent } from '../apps/bff/src/proxy/devpi-agent.js';
import { createStore } from '../apps/bff/src/store/index.js';

const config = loadConfig(process.env, '/nonexistent');
const store = await createStore(config.store);
const withHistory = process.env.BENCH_HISTORY === 'on';
const devpiAgent = createDevpiAgent(config.devpiUrl);
const app = createApp({
  config,
  logger: createLogger(config.logLevel),
  devpiAgent,
  store,
  replica: withHistory ? 'bench-with-history' : 'bench-without-history',
  ...(withHistory ? { history: new HistoryStore(store) } : {}),
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`listening http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  devpiAgent.destroy();
  void store.close().then(() => process.exit(0));
});
