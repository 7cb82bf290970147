import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ DEVPI_URL: 'http://devpi:3141/' }, '/static');
    expect(config).toMatchObject({
      devpiUrl: 'http://devpi:3141',
      port: 8080,
      host: '127.0.0.1',
      publicUrl: undefined,
      sessionMaxAgeS: 36_000,
      trustProxyHops: 0,
      devpiTimeoutMs: 30_000,
      drainDelayMs: 0,
      cookieSecure: false,
      staticDir: '/static',
      sessionSecretGenerated: true,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('takes a relative STATIC_DIR from where the BFF starts', () => {
    const config = loadConfig({ DEVPI_URL: 'http://d', STATIC_DIR: 'apps/web/dist' }, '/static');
    expect(config.staticDir).toBe(join(process.cwd(), 'apps/web/dist'));
    expect(config.ssrEntry).toBe(join(process.cwd(), 'apps/web/dist-server/entry-server.js'));
  });

  it('names every bad key at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', DEVPI_URL: 'ftp://x', TRUST_PROXY_HOPS: '-1', SESSION_SECRET: 'short' }, '/s');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof ConfigError ? error.message : '';
    for (const key of ['PORT', 'DEVPI_URL', 'TRUST_PROXY_HOPS', 'SESSION_SECRET']) expect(message).toContain(key);
  });

  it('selects the embedded store in ./data unless DATABASE_URL is set', () => {
    expect(loadConfig({ DEVPI_URL: 'http://d' }, '/s').store).toEqual({ databaseUrl: undefined, dataDir: './data' });
    const pg = loadConfig({ DEVPI_URL: 'http://d', DATABASE_URL: 'postgres://u:p@db:5432/dash', DATA_DIR: '/var/lib/x' }, '/s');
    expect(pg.store).toEqual({ databaseUrl: 'postgres://u:p@db:5432/dash', dataDir: '/var/lib/x' });
    expect(() => loadConfig({ DEVPI_URL: 'http://d', DATABASE_URL: 'mysql://db/x' }, '/s')).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('requires DEVPI_URL', () => {
    expect(() => loadConfig({}, '/s')).toThrow(/DEVPI_URL/);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEVPI_URL: 'http://d' }, '/s')).toThrow(/SESSION_SECRET/);
  });

  it('makes cookies Secure when the public URL is https', () => {
    const config = loadConfig({ DEVPI_URL: 'http://d', PUBLIC_URL: 'https://pypi.example.com/' }, '/s');
    expect(config.cookieSecure).toBe(true);
    expect(config.publicUrl).toBe('https://pypi.example.com');
  });

  it('keeps serving for 5 s after SIGTERM in production unless DRAIN_DELAY_MS says otherwise', () => {
    const production = { NODE_ENV: 'production', DEVPI_URL: 'http://d', SESSION_SECRET: 's'.repeat(32) };
    expect(loadConfig(production, '/s').drainDelayMs).toBe(5_000);
    expect(loadConfig({ ...production, DRAIN_DELAY_MS: '250' }, '/s').drainDelayMs).toBe(250);
    // Longer would leave in-flight requests no time before the 9 s shutdown timeout.
    expect(() => loadConfig({ ...production, DRAIN_DELAY_MS: '9000' }, '/s')).toThrow(/DRAIN_DELAY_MS/);
  });

  it('refuses a session lifetime above devpi token lifetime', () => {
    expect(() => loadConfig({ DEVPI_URL: 'http://d', SESSION_MAX_AGE_S: '40000' }, '/s')).toThrow(/SESSION_MAX_AGE_S/);
  });
});
