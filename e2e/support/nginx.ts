// Renders the project's one nginx template the way the official image's envsubst step does, into
// a private prefix that a non-root process can run: pid, logs and temp paths all live inside it.
// The e2e topology and the deploy checks both use this, so the config they test is the shipped one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export const nginxTemplateFile = join(repoRoot, 'nginx/templates/devpi-dashboard.conf.template');
export const tlsTemplateFile = join(repoRoot, 'nginx/tls/tls.conf.template');

/** The variables of nginx/templates/devpi-dashboard.conf.template. */
export interface NginxTemplateVars {
  LISTEN_PORT: string;
  DEVPI_UPSTREAM: string;
  DASHBOARD_UPSTREAM: string;
  NGINX_RESOLVER: string;
  CLIENT_MAX_BODY_SIZE: string;
  CHANGELOG_ALLOW: string;
  DASHBOARD_STATIC_DIR: string;
}

export interface TlsVars {
  TLS_LISTEN_PORT: string;
  TLS_CERT_FILE: string;
  TLS_KEY_FILE: string;
}

export interface NginxPrefix {
  prefix: string;
  confFile: string;
  errorLog: string;
}

/** Loopback defaults: the same template, pointed at processes on this machine and the built SPA. */
export function loopbackVars(listenPort: number, devpiPort: number, dashboardPort: number, staticDir = join(repoRoot, 'apps/web/dist')): NginxTemplateVars {
  return {
    LISTEN_PORT: `127.0.0.1:${listenPort}`,
    DEVPI_UPSTREAM: `127.0.0.1:${devpiPort}`,
    DASHBOARD_UPSTREAM: `127.0.0.1:${dashboardPort}`,
    NGINX_RESOLVER: '127.0.0.1',
    CLIENT_MAX_BODY_SIZE: '1g',
    CHANGELOG_ALLOW: '127.0.0.1',
    DASHBOARD_STATIC_DIR: staticDir,
  };
}

/**
 * envsubst semantics with an explicit list: `${NAME}` for the given names is replaced, nginx's
 * own `$variables` are left alone, and a `${UPPER_CASE}` left over means the template grew a
 * variable nobody provides.
 */
export function renderTemplate(text: string, vars: Record<string, string>): string {
  const rendered = text.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (whole, name: string) => vars[name] ?? whole);
  const missing = [...rendered.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]);
  if (missing.length > 0) throw new Error(`nginx template variables without a value: ${[...new Set(missing)].join(', ')}`);
  return rendered;
}

function mainConfig(prefix: string): string {
  // Debian and the official image both ship mime.types here; without it CSS and JS would be
  // served as application/octet-stream and the SPA would not load.
  const mimeTypes = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : 'types { text/html html; }';
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
    ${mimeTypes}
    default_type application/octet-stream;
    access_log ${prefix}/logs/access.log;
    client_body_temp_path ${prefix}/temp/client_body;
    proxy_temp_path ${prefix}/temp/proxy;
    fastcgi_temp_path ${prefix}/temp/fastcgi;
    uwsgi_temp_path ${prefix}/temp/uwsgi;
    scgi_temp_path ${prefix}/temp/scgi;
    include conf.d/*.conf;
}
`;
}

/** Writes conf/nginx.conf, conf/conf.d/devpi-dashboard.conf and, with TLS, conf/tls.d/listen-tls.conf. */
export async function prepareNginxPrefix(prefix: string, vars: NginxTemplateVars, tls?: TlsVars): Promise<NginxPrefix> {
  const confDir = join(prefix, 'conf');
  for (const dir of [join(confDir, 'conf.d'), join(confDir, 'tls.d'), join(prefix, 'logs'), join(prefix, 'temp')]) {
    await mkdir(dir, { recursive: true });
  }
  // When this runs as root, nginx's workers run as nobody and must be able to reach the temp dirs.
  await chmod(prefix, 0o755);
  const template = await readFile(nginxTemplateFile, 'utf8');
  await writeFile(join(confDir, 'conf.d', 'devpi-dashboard.conf'), renderTemplate(template, { ...vars }));
  if (tls) {
    const tlsTemplate = await readFile(tlsTemplateFile, 'utf8');
    await writeFile(join(confDir, 'tls.d', 'listen-tls.conf'), renderTemplate(tlsTemplate, { ...tls }));
  }
  const confFile = join(confDir, 'nginx.conf');
  await writeFile(confFile, mainConfig(prefix));
  return { prefix, confFile, errorLog: join(prefix, 'logs', 'error.log') };
}

export const nginxBinary = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

function baseArgs(p: NginxPrefix): string[] {
  // -e stderr: the compiled-in error log under /var/log is not writable for a non-root user.
  return ['-e', 'stderr', '-p', p.prefix, '-c', p.confFile];
}

/** `nginx -t` on the rendered config; returns nginx's own verdict text. */
export function testNginxConfig(p: NginxPrefix): { ok: boolean; output: string } {
  const r = spawnSync(nginxBinary, [...baseArgs(p), '-t'], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** nginx in the foreground, as a child this process can stop by PID. */
export function startNginx(p: NginxPrefix): ChildProcess {
  return spawn(nginxBinary, [...baseArgs(p), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
