import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createDevpiAgent } from '../../src/proxy/devpi-agent.js';
import { createStore } from '../../src/store/index.js';

/** Captures the JSON log lines so tests can check what was (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
    done();
  }
}

export function testConfig(devpiUrl: string, env: Record<string, string> = {}): Config {
  // A fresh store folder per config: a test server never meets another run's database.
  const DATA_DIR = mkdtempSync(join(tmpdir(), 'bff-test-data-'));
  return loadConfig({ DEVPI_URL: devpiUrl, SESSION_SECRET: 'test-secret-test-secret-test-secret!', LOG_LEVEL: 'info', DATA_DIR, ...env }, '/nonexistent');
}

/**
 * createApp with a captured log, its own agent and, unless `extra.store` is given, its own
 * throwaway SQLite store (all released by `close`).
 */
export async function testApp(devpiUrl: string, env: Record<string, string> = {}, extra: Partial<AppDeps> = {}) {
  const config = testConfig(devpiUrl, env);
  const logs = new LogCapture();
  const devpiAgent = createDevpiAgent(config.devpiUrl);
  const ownDir = extra.store === undefined ? mkdtempSync(join(tmpdir(), 'bff-test-store-')) : undefined;
  const store = extra.store ?? (await createStore({ databaseUrl: undefined, dataDir: ownDir ?? '' }));
  const app = createApp({ config, logger: createLogger(config.logLevel, logs), devpiAgent, ...extra, store });
  const close = async () => {
    devpiAgent.destroy();
    if (ownDir !== undefined) {
      await store.close();
      rmSync(ownDir, { recursive: true, force: true });
    }
  };
  return { app, config, logs, store, close };
}

/** Headers a same-origin SPA request carries. supertest's Host is 127.0.0.1:<port>. */
export const spaHeaders = (origin: string) => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: origin });
