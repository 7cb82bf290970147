// The real tools against the double: twine uploads to it and pip downloads from it (hashes checked by pip).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSdist, makeWheel, startDevpiSim } from '../src/index.js';
import type { DevpiSim } from '../src/index.js';
import { call, loginToken } from './helpers.js';

const run = promisify(execFile);

async function available(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

const haveTools = (await available('twine', ['--version'])) && (await available('python3', ['-m', 'pip', '--version']));

describe.skipIf(!haveTools)('twine and pip against the double', () => {
  let sim: DevpiSim;
  const dir = mkdtempSync(join(tmpdir(), 'devpi-sim-interop-'));

  beforeAll(async () => {
    sim = await startDevpiSim();
    const root = await loginToken(sim.url, 'root', '');
    await call(sim.url, 'PUT', '/root/dev', { json: { bases: 'root/pypi', acl_upload: 'root' }, auth: ['root', root] });
  });
  afterAll(() => sim.close());

  it('accepts a twine upload and serves the files to pip', async () => {
    const spec = { name: 'interop-demo', version: '1.0.0', summary: 'interop', description: '# hi', descriptionContentType: 'text/markdown' };
    const files = [makeWheel(spec), makeSdist(spec)];
    for (const f of files) writeFileSync(join(dir, f.filename), f.content);
    await run('twine', ['upload', '--disable-progress-bar', '--repository-url', `${sim.url}/root/dev/`, '-u', 'root', '-p', '', ...files.map((f) => join(dir, f.filename))]);
    const version = await call(sim.url, 'GET', '/root/dev/interop-demo/1.0.0');
    expect(version.text).toContain('"description_content_type": "text/markdown"');
    const dl = join(dir, 'dl');
    await run('python3', ['-m', 'pip', 'download', '--isolated', '--no-deps', '--disable-pip-version-check', '-d', dl, '-i', `${sim.url}/root/dev/+simple/`, 'interop-demo==1.0.0']);
    expect(readdirSync(dl)).toEqual(['interop_demo-1.0.0-py3-none-any.whl']);
  }, 60_000);
});
