// The dashboard image's runtime stage, assembled without Docker: the files its COPY lines name,
// its `npm ci --omit=dev` (production dependencies only), then its CMD, answering /healthz and
// serving the SPA. A BFF that imports a devDependency at run time fails here, not in production.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { instructions } from './dockerfiles.js';
import { repoRoot } from '../support/paths.js';
import { freePort, stopChild, waitForHttp } from '../support/processes.js';

const dockerfile = instructions(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
const app = mkdtempSync(join(tmpdir(), 'devpi-dashboard-image-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** The instructions of one named stage (`FROM ... AS name`). */
function stage(name: string) {
  const start = dockerfile.findIndex((x) => x.keyword === 'FROM' && x.args.endsWith(` AS ${name}`));
  const end = dockerfile.findIndex((x, i) => i > start && x.keyword === 'FROM');
  return dockerfile.slice(start + 1, end === -1 ? undefined : end);
}

function copyArgs(args: string): { from?: string; src: string; dest: string } {
  const words = args.split(/\s+/).filter((w) => !w.startsWith('--chown'));
  const from = words[0]?.startsWith('--from=') ? words.shift()?.slice('--from='.length) : undefined;
  const dest = words.pop() ?? '';
  return { from, src: words.join(' '), dest };
}

const manifest = z.object({ version: z.string() });
/** npm's record of the tree it installed: `hasInstallScript` marks every package it would run an install step for. */
const installedTree = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional(), hasInstallScript: z.boolean().optional() })) });

/** The installed packages npm would run an install step for (an install script, or a binding.gyp). */
function packagesWithInstallSteps(app: string): { name: string; version: string; dir: string }[] {
  const tree = installedTree.parse(JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8')));
  return Object.entries(tree.packages)
    .filter(([, pkg]) => pkg.hasInstallScript === true)
    .map(([path, pkg]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: pkg.version ?? '', dir: join(app, path) }));
}

/** Copies the compiled addon of the same package and version from this checkout; false when there is none. */
function reuseBuild(built: string, pkg: { name: string; version: string; dir: string }): boolean {
  const release = join(built, 'build', 'Release');
  if (!existsSync(join(built, 'package.json')) || !existsSync(release)) return false;
  if (manifest.parse(JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'))).version !== pkg.version) return false;
  const addons = readdirSync(release).filter((file) => file.endsWith('.node'));
  if (addons.length === 0) return false;
  mkdirSync(join(pkg.dir, 'build', 'Release'), { recursive: true });
  for (const addon of addons) copyFileSync(join(release, addon), join(pkg.dir, 'build', 'Release', addon));
  return true;
}

describe('dashboard image (Dockerfile runtime stage)', () => {
  it('installs production dependencies only and starts with its CMD', async () => {
    // deps stage: COPY the manifests, RUN npm ci --omit=dev.
    for (const ins of stage('deps')) {
      if (ins.keyword === 'COPY') {
        const { src, dest } = copyArgs(ins.args);
        for (const file of src.split(' ')) {
          const target = dest.endsWith('/') ? join(app, dest, file.split('/').pop() ?? '') : join(app, dest);
          await mkdir(dirname(target), { recursive: true });
          await cp(join(repoRoot, file), target);
        }
      }
    }
    const npmCi = stage('deps').find((x) => x.keyword === 'RUN' && x.args.includes('npm ci'))?.args.split('&&')[0]?.trim() ?? '';
    expect(npmCi).toMatch(/^npm ci --omit=dev /);
    // The install scripts are left out and then run here: a native addon this checkout has already
    // compiled, at the same version, gets that build (better-sqlite3 compiles from source for minutes
    // when no prebuilt binary can be fetched, as here; the image build fetches one). Any other
    // package with an install step runs it, as the image's npm ci would.
    const install = spawnSync('sh', ['-c', `${npmCi} --prefer-offline --ignore-scripts`], { cwd: app, encoding: 'utf8', timeout: 900_000 });
    expect(install.status, install.stderr).toBe(0);
    for (const pkg of packagesWithInstallSteps(app)) {
      const built = join(repoRoot, 'node_modules', pkg.name);
      if (reuseBuild(built, pkg)) continue;
      const rebuild = spawnSync('npm', ['rebuild', pkg.name, '--prefer-offline'], { cwd: app, encoding: 'utf8', timeout: 900_000 });
      expect(rebuild.status, `${pkg.name}: ${rebuild.stderr}`).toBe(0);
    }
    for (const devOnly of ['vitest', 'typescript', '@playwright/test', 'vite', 'react']) {
      expect(existsSync(join(app, 'node_modules', devOnly)), `${devOnly} must not be in the runtime image`).toBe(false);
    }

    // runtime stage: COPY --from=build the built output (here: this checkout's dist folders).
    for (const ins of stage('runtime')) {
      if (ins.keyword !== 'COPY') continue;
      const { from, src, dest } = copyArgs(ins.args);
      if (from !== 'build') continue;
      const source = join(repoRoot, src.replace(/^\/src\//, ''));
      expect(existsSync(source), `${source}: run \`npm run build\` first`).toBe(true);
      await cp(source, join(app, dest), { recursive: true });
    }

    const cmd = stage('runtime').find((x) => x.keyword === 'CMD')?.args ?? '[]';
    const [bin, ...args] = z.array(z.string()).parse(JSON.parse(cmd));
    expect(bin).toBe('node');
    const port = await freePort();
    const server = spawn(process.execPath, args, {
      cwd: app,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        TRUST_PROXY_HOPS: '1',
        STATIC_DIR: join(app, 'apps/web/dist'),
        DEVPI_URL: 'http://127.0.0.1:9',
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'error',
      },
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, server);
      const spa = await fetch(`http://127.0.0.1:${port}/+dashboard/`);
      expect(spa.status).toBe(200);
      expect(await spa.text()).toContain('<div id="root">');
    } finally {
      await stopChild(server);
    }
  }, 960_000);
});
