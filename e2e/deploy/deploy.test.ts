// What CI can prove about the deployment without a Docker engine: the compose file is valid
// Compose and follows the operating rules, the Dockerfiles lint clean, and nginx accepts the
// rendered config, with and without TLS.
import { spawnSync } from 'node:child_process';
import { connect as http2Connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeVariables, envExampleFile, interpolate, lintCompose, loadCompose, parseEnvFile, validateComposeSpec } from './compose.js';
import { dockerfiles, finalUser, lintDockerfile, lintDockerfileText } from './dockerfiles.js';
import { loopbackVars, nginxTemplateFile, prepareNginxPrefix, renderTemplate, startNginx, testNginxConfig } from '../support/nginx.js';
import { freePort, stopChild, waitForHttp } from '../support/processes.js';
import { repoRoot } from '../support/paths.js';

/** A GET over TLS trusting only `ca` (Node's fetch cannot be given a CA per request). */
function httpsHead(url: string, ca: Buffer): Promise<{ status: number; hsts: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca }, (res) => {
      res.resume();
      const hsts = res.headers['strict-transport-security'];
      resolve({ status: res.statusCode ?? 0, hsts: Array.isArray(hsts) ? hsts[0] : hsts });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The protocol ALPN settled on and the status of a GET over HTTP/2, trusting only `ca`. */
function http2Get(origin: string, path: string, ca: Buffer): Promise<{ alpn: string | false; status: number }> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(origin, { ca });
    session.on('error', reject);
    const req = session.request({ ':path': path });
    req.on('response', (headers) => {
      const alpn = session.alpnProtocol ?? false;
      req.resume();
      req.on('end', () => session.close(() => resolve({ alpn, status: Number(headers[':status']) })));
    });
    req.on('error', reject);
    req.end();
  });
}

const { raw, text, interpolated, parsed } = loadCompose();
const services = parsed.services;
const work = mkdtempSync(join(tmpdir(), 'devpi-dashboard-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docker-compose.yml', () => {
  it('validates against the Compose specification schema', () => {
    expect(validateComposeSpec(interpolated)).toEqual([]);
  });

  it('is rejected by the schema when a service is malformed', () => {
    // Proves the schema check has teeth: a typo in a key must fail.
    expect(validateComposeSpec({ services: { devpi: { image: 'x', restartt: 'always' } } })).not.toEqual([]);
  });

  it('passes dclint (security and correctness rules)', () => {
    expect(lintCompose(text, work)).toEqual([]);
  });

  it('has devpi, dashboard, lb and the client tool', () => {
    expect(Object.keys(services).sort()).toEqual(['client', 'dashboard', 'devpi', 'lb', 'postgres']);
    expect(services.client?.profiles).toEqual(['tools']);
  });

  it('gives every service a healthcheck and a restart policy', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect(svc.healthcheck?.test[0], name).toMatch(/^CMD(-SHELL)?$/);
      expect(svc.restart, name).toMatch(/^(unless-stopped|always|on-failure|no)$/);
    }
    expect(services.devpi?.restart).toBe('unless-stopped');
  });

  it('waits for healthy dependencies', () => {
    expect(services.dashboard?.depends_on).toEqual({ devpi: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    expect(services.lb?.depends_on).toEqual({ devpi: { condition: 'service_healthy' }, dashboard: { condition: 'service_healthy' } });
    expect(services.client?.depends_on).toEqual({ lb: { condition: 'service_healthy' } });
  });

  it('lets the dashboard scale: no container_name, no host ports, one shared session secret', () => {
    const dashboard = services.dashboard;
    expect(dashboard?.container_name).toBeUndefined();
    expect(dashboard?.ports).toBeUndefined();
    expect(dashboard?.environment?.SESSION_SECRET).toBe('x'.repeat(48));
    expect(dashboard?.environment?.TRUST_PROXY_HOPS).toBe('1');
    expect(() => interpolate(raw, new Map([['POSTGRES_PASSWORD', 'p'.repeat(48)]]))).toThrow(/SESSION_SECRET/);
  });

  it('gives every replica the same PostgreSQL store, pinned, on a named volume, password from .env', () => {
    const postgres = services.postgres;
    expect(postgres?.image).toMatch(/^postgres:\d+\.\d+-bookworm$/);
    expect(postgres?.volumes).toEqual(['dashboard_db:/var/lib/postgresql/data']);
    expect(Object.keys(parsed.volumes ?? {})).toContain('dashboard_db');
    expect(postgres?.ports).toBeUndefined();
    expect(postgres?.healthcheck?.test).toContain('pg_isready');
    const url = new URL(String(services.dashboard?.environment?.DATABASE_URL ?? ''));
    expect(url.protocol).toBe('postgres:');
    expect(`${url.hostname}:${url.port}`).toBe(`postgres:${postgres?.expose?.[0] ?? ''}`);
    expect(url.password).toBe(postgres?.environment?.POSTGRES_PASSWORD);
    expect(url.username).toBe(postgres?.environment?.POSTGRES_USER);
    expect(url.pathname).toBe(`/${String(postgres?.environment?.POSTGRES_DB)}`);
    expect(() => interpolate(raw, new Map([['SESSION_SECRET', 'x'.repeat(48)]]))).toThrow(/POSTGRES_PASSWORD/);
  });

  it('keeps packages in the devpi_packages volume and restricts modification by default', () => {
    expect(services.devpi?.volumes).toEqual(['devpi_packages:/data']);
    expect(Object.keys(parsed.volumes ?? {})).toContain('devpi_packages');
    expect(services.devpi?.environment?.DEVPI_RESTRICT_MODIFY).toBe('root');
    expect(services.devpi?.secrets).toEqual(['devpi_root_password']);
    expect(services.devpi?.ports).toBeUndefined();
  });

  it('wires the services to each other by service name and port', () => {
    const env = (service: string, key: string): string => String(services[service]?.environment?.[key] ?? '');
    const devpiUrl = new URL(env('dashboard', 'DEVPI_URL'));
    expect(devpiUrl.hostname).toBe('devpi');
    expect(services.devpi?.expose).toContain(devpiUrl.port);
    expect(env('lb', 'DEVPI_UPSTREAM')).toBe(`devpi:${devpiUrl.port}`);
    expect(env('lb', 'DASHBOARD_UPSTREAM')).toBe(`dashboard:${services.dashboard?.expose?.[0] ?? ''}`);
    // The client administers through the load balancer, like every other devpi client.
    const clientUrl = new URL(env('client', 'DEVPI_URL'));
    expect(clientUrl.hostname).toBe('lb');
    expect(clientUrl.port || '80').toBe(env('lb', 'LISTEN_PORT'));
  });

  it('gives nginx every variable its template reads', () => {
    const templateVars = [...readFileSync(nginxTemplateFile, 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]);
    const lbEnv = Object.keys(services.lb?.environment ?? {});
    for (const name of new Set(templateVars)) expect(lbEnv, String(name)).toContain(name);
  });

  it('names every setting in .env.example', () => {
    const documented = parseEnvFile(readFileSync(envExampleFile, 'utf8'));
    for (const name of composeVariables(raw)) expect([...documented.keys()], name).toContain(name);
  });
});

describe('Dockerfiles', () => {
  it.each(dockerfiles)('%s lints clean', (file) => {
    expect(lintDockerfile(file)).toEqual([]);
  });

  it('runs the dashboard, devpi and the client as non-root users', () => {
    expect(finalUser('Dockerfile')).toBe('node');
    expect(finalUser('docker/devpi/Dockerfile')).toBe('devpi');
    expect(finalUser('docker/client/Dockerfile')).toBe('devpi');
  });

  it('pins devpi-server 6.19.1, devpi-web 5.0.1, devpi-tokens 1.0.1 and devpi-client 7.2.0', () => {
    const devpi = readFileSync(join(repoRoot, 'docker/devpi/Dockerfile'), 'utf8');
    expect(devpi).toContain('ARG DEVPI_SERVER_VERSION=6.19.1');
    expect(devpi).toContain('ARG DEVPI_WEB_VERSION=5.0.1');
    expect(devpi).toContain('ARG DEVPI_CLIENT_VERSION=7.2.0');
    expect(devpi).toContain('ARG DEVPI_TOKENS_VERSION=1.0.1');
    expect(devpi).toContain('"devpi-tokens==${DEVPI_TOKENS_VERSION}"');
    expect(readFileSync(join(repoRoot, 'docker/client/Dockerfile'), 'utf8')).toContain('ARG DEVPI_CLIENT_VERSION=7.2.0');
  });

  it('finds the problems it is meant to find', () => {
    const problems = lintDockerfileText('Dockerfile.bad', 'FROM python\nRUN pip install devpi-server\nWORKDIR app\n');
    expect(problems).toEqual([
      'Dockerfile.bad:3 WORKDIR paths should be absolute',
      'Dockerfile.bad:1 base image python is not pinned to a tag',
      'Dockerfile.bad: final stage has no HEALTHCHECK',
      'Dockerfile.bad:2 pip install without --no-cache-dir',
      'Dockerfile.bad:2 devpi-server is not pinned with ==',
    ]);
  });
});

describe('nginx', () => {
  it('accepts the config rendered for loopback, as the e2e suite runs it', async () => {
    const prefix = await prepareNginxPrefix(join(work, 'plain'), loopbackVars(18080, 13141, 18081));
    const result = testNginxConfig(prefix);
    expect(result.output).toContain('test is successful');
    expect(result.ok).toBe(true);
  });

  it('accepts the config rendered for docker compose', async () => {
    const vars = { ...loopbackVars(80, 3141, 8080), LISTEN_PORT: '18082', DEVPI_UPSTREAM: 'devpi:3141', DASHBOARD_UPSTREAM: 'dashboard:8080', NGINX_RESOLVER: '127.0.0.11' };
    expect(testNginxConfig(await prepareNginxPrefix(join(work, 'compose'), vars)).ok).toBe(true);
  });

  it('accepts the config with the TLS snippet a mounted certificate switches on', async () => {
    const cert = join(work, 'tls.crt');
    const key = join(work, 'tls.key');
    const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    expect(openssl.status, openssl.stderr).toBe(0);
    const prefix = await prepareNginxPrefix(join(work, 'tls'), loopbackVars(18083, 13141, 18081), { TLS_LISTEN_PORT: '127.0.0.1:18443', TLS_CERT_FILE: cert, TLS_KEY_FILE: key });
    const result = testNginxConfig(prefix);
    expect(result.ok, result.output).toBe(true);
  });

  it('serves HTTPS with HSTS when the certificate is there, and plain HTTP without HSTS', async () => {
    const cert = join(work, 'live.crt');
    const key = join(work, 'live.key');
    expect(spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]).status).toBe(0);
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const prefix = await prepareNginxPrefix(join(work, 'live'), loopbackVars(httpPort, 9, 9), { TLS_LISTEN_PORT: `127.0.0.1:${httpsPort}`, TLS_CERT_FILE: cert, TLS_KEY_FILE: key });
    const nginx = startNginx(prefix);
    try {
      await waitForHttp(`http://127.0.0.1:${httpPort}/+nginx-health`, nginx);
      const plain = await fetch(`http://127.0.0.1:${httpPort}/+nginx-health`);
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      const tls = await httpsHead(`https://127.0.0.1:${httpsPort}/+nginx-health`, readFileSync(cert));
      expect(tls.status).toBe(200);
      expect(tls.hsts).toMatch(/^max-age=\d+/);
      // Browsers get every request of a page load over one multiplexed connection.
      expect(await http2Get(`https://127.0.0.1:${httpsPort}`, '/+nginx-health', readFileSync(cert))).toEqual({ alpn: 'h2', status: 200 });
    } finally {
      await stopChild(nginx);
    }
  });

  it('renders exactly as the nginx image does (envsubst of the defined variables)', () => {
    // 20-envsubst-on-templates.sh in the official image passes envsubst the list of every
    // defined variable, so nginx's own $variables survive; the e2e renderer must agree with it.
    const lbEnv = Object.fromEntries(Object.entries(services.lb?.environment ?? {}).map(([k, v]) => [k, String(v)]));
    const defined = Object.keys(lbEnv).map((name) => `\${${name}}`).join(' ');
    const template = readFileSync(nginxTemplateFile, 'utf8');
    const envsubst = spawnSync('envsubst', [defined], { input: template, encoding: 'utf8', env: { PATH: process.env.PATH, ...lbEnv } });
    expect(envsubst.status, envsubst.stderr).toBe(0);
    expect(renderTemplate(template, lbEnv)).toBe(envsubst.stdout);
    expect(envsubst.stdout).toContain('proxy_set_header X-outside-url $scheme://$http_host;');
  });

  it('refuses to render with a variable missing', () => {
    expect(() => renderTemplate('listen ${LISTEN_PORT};', {})).toThrow(/LISTEN_PORT/);
  });
});
