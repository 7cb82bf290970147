// The images' shell entrypoints, run here with the devpi commands replaced by recorders on PATH:
// what the devpi container does on its first and later starts, and how the nginx image's TLS
// hook switches HTTPS on and off.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'devpi-dashboard-entrypoints-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('devpi entrypoint', () => {
  const bin = join(work, 'bin');
  const calls = join(work, 'calls.log');
  const data = join(work, 'data');

  // Recorders for devpi-init and devpi-server (devpi-init leaves .nodeinfo like the real one),
  // and `python` for images where python3 is the only name.
  mkdirSync(bin, { recursive: true });
  const recorder = (name: string, extra = '') => {
    writeFileSync(join(bin, name), `#!/bin/sh\nprintf '%s' "${name}" >> "${calls}"\nfor a in "$@"; do printf ' [%s]' "$a" >> "${calls}"; done\necho >> "${calls}"\n${extra}`);
    chmodSync(join(bin, name), 0o755);
  };
  recorder('devpi-init', 'mkdir -p "$2" && touch "$2/.nodeinfo"\n');
  recorder('devpi-server');
  writeFileSync(join(bin, 'python'), '#!/bin/sh\nexec python3 "$@"\n');
  chmodSync(join(bin, 'python'), 0o755);

  function start(env: Record<string, string>): string[] {
    const r = spawnSync('sh', [join(repoRoot, 'docker/devpi/entrypoint.sh')], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        DEVPI_SERVERDIR: join(data, 'server'),
        DEVPI_SECRETFILE: join(data, 'secret'),
        DEVPI_ROOT_PASSWORD_FILE: join(work, 'root-password'),
        ...env,
      },
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(calls, 'utf8').trim().split('\n');
  }

  beforeEach(() => {
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data);
    rmSync(calls, { force: true });
    rmSync(join(work, 'root-password'), { force: true });
  });

  it('initialises once with the root password from the secret, then serves restricted', () => {
    writeFileSync(join(work, 'root-password'), 's3cret-root\n');
    const first = start({});
    expect(first[0]).toBe(`devpi-init [--serverdir] [${data}/server] [--root-passwd] [s3cret-root]`);
    expect(first[1]).toBe(`devpi-server [--serverdir] [${data}/server] [--secretfile] [${data}/secret] [--host] [0.0.0.0] [--port] [3141] [--restrict-modify] [root]`);

    const secret = statSync(join(data, 'secret'));
    expect(secret.mode & 0o077).toBe(0);
    expect(Buffer.from(readFileSync(join(data, 'secret'), 'utf8').trim(), 'base64').length).toBeGreaterThanOrEqual(32);
    const secretBefore = readFileSync(join(data, 'secret'), 'utf8');

    rmSync(calls);
    const second = start({});
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(/^devpi-server /);
    // The same secret on every start, so login tokens survive a restart.
    expect(readFileSync(join(data, 'secret'), 'utf8')).toBe(secretBefore);
  });

  it('keeps devpi\'s empty root password without a secret, and drops --restrict-modify when configured empty', () => {
    const lines = start({ DEVPI_RESTRICT_MODIFY: '', DEVPI_EXTRA_ARGS: '--offline-mode' });
    expect(lines[0]).toBe(`devpi-init [--serverdir] [${data}/server]`);
    expect(lines[1]).not.toContain('--restrict-modify');
    expect(lines[1]).toMatch(/ \[--offline-mode\]$/);
  });
});

describe('nginx TLS hook', () => {
  const conf = join(work, 'nginx');

  function hook(certs: boolean): string | undefined {
    mkdirSync(join(conf, 'certs'), { recursive: true });
    writeFileSync(join(conf, 'tls.conf.template'), readFileSync(join(repoRoot, 'nginx/tls/tls.conf.template')));
    for (const file of ['tls.crt', 'tls.key']) {
      if (certs) writeFileSync(join(conf, 'certs', file), 'pem');
      else rmSync(join(conf, 'certs', file), { force: true });
    }
    const r = spawnSync('sh', [join(repoRoot, 'nginx/docker-entrypoint.d/40-devpi-dashboard-tls.sh')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NGINX_CONF_DIR: conf, TLS_CERT_FILE: join(conf, 'certs/tls.crt'), TLS_KEY_FILE: join(conf, 'certs/tls.key') },
    });
    expect(r.status, r.stderr).toBe(0);
    const snippet = join(conf, 'tls.d/listen-tls.conf');
    return existsSync(snippet) ? readFileSync(snippet, 'utf8') : undefined;
  }

  it('renders the HTTPS listener when a certificate is mounted, and removes it when it is gone', () => {
    const on = hook(true);
    expect(on).toContain('listen 443 ssl http2;');
    expect(on).toContain(`ssl_certificate ${conf}/certs/tls.crt;`);
    expect(on).not.toMatch(/\$\{/);
    expect(hook(false)).toBeUndefined();
  });
});
