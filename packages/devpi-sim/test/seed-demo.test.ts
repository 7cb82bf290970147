// The demo data: seeded through devpi-client, with root/pypi really mirroring the seeded upstream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDemo, startDevpiSim } from '../src/index.js';
import type { DevpiSim } from '../src/index.js';
import { call } from './helpers.js';

let sim: DevpiSim;
beforeAll(async () => {
  sim = await startDevpiSim();
  await seedDemo(sim.url, '');
});
afterAll(() => sim.close());

const indexconfig = z.object({ result: z.object({ bases: z.array(z.string()).optional(), volatile: z.boolean(), acl_upload: z.array(z.string()).optional(), projects: z.array(z.string()).optional() }) });
const project = z.object({ result: z.record(z.string(), z.object({ description_content_type: z.string() })) });

describe('seedDemo', () => {
  it('creates the company index on root/pypi, not volatile, with several releases and a pre-release', async () => {
    const acme = indexconfig.parse((await call(sim.url, 'GET', '/root/acme')).json).result;
    expect(acme).toMatchObject({ bases: ['root/pypi'], volatile: false, projects: ['acme-hello', 'acme-utils'] });
    const versions = project.parse((await call(sim.url, 'GET', '/root/acme/acme-hello?ignore_bases=')).json).result;
    expect(Object.keys(versions).sort()).toEqual(['0.1.0', '0.2.0', '1.0.0b1']);
    const utils = project.parse((await call(sim.url, 'GET', '/root/acme/acme-utils?ignore_bases=')).json).result;
    expect(Object.values(utils).map((v) => v.description_content_type)).toContain('text/x-rst');
  });

  it('makes root/pypi a mirror of the seeded upstream', async () => {
    const page = await call(sim.url, 'GET', '/root/pypi/+simple/requests/', { accept: 'application/vnd.pypi.simple.v1+json' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('requests-2.32.3-py3-none-any.whl');
  });

  it('opens one index to every authenticated user', async () => {
    expect(indexconfig.parse((await call(sim.url, 'GET', '/bob/dev')).json).result.acl_upload).toContain(':AUTHENTICATED:');
  });
});
