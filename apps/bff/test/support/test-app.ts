import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createDevpiAgent } from '../../src/proxy/devpi-agent.js';

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

/** createApp with a captured log and its own agent (destroy it in afterAll via `close`). */
export function testApp(devpiUrl: string, env: Record<string, string> = {}, extra: Partial<AppDeps> = {}) {
  const config = testConfig(devpiUrl, env);
  const logs = new LogCapture();
  const devpiAgent = createDevpiAgent(config.devpiUrl);
  const app = createApp({ config, logger: createLogger(config.logLevel, logs), devpiAgent, ...extra });
  return { app, config, logs, close: () => devpiAgent.destroy() };
}

/** Headers a same-origin SPA request carries. supertest's Host is 127.0.0.1:<port>. */
export const spaHeaders = (origin: string) => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: origin });
