import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { devpiFixture } from '../support/devpi-fixtures.js';
import { startBffChild, type BffChild } from './support/bff-child.js';
import { SECRET } from './support/hardened-bff.js';

const hook = pathToFileURL(new URL('./support/crash-hook.ts', import.meta.url).pathname).href;

const logLine = z.looseObject({ level: z.number() });

let devpi: Awaited<ReturnType<typeof devpiFixture>>;
let bff: BffChild | undefined;

beforeAll(async () => {
  devpi = await devpiFixture();
});

afterEach(() => {
  if (bff && bff.child.exitCode === null) bff.child.kill('SIGKILL');
});

afterAll(async () => {
  await devpi?.close();
});

describe('a crash in the BFF process', () => {
  it.each([
    ['unhandledRejection', 'SIGUSR2', 'nobody handled this rejection'],
    ['uncaughtException', 'SIGWINCH', 'nobody caught this exception'],
  ] as const)('on %s logs the error, closes the server and exits non-zero', async (kind, signal, message) => {
    bff = await startBffChild({ DEVPI_URL: devpi.target.url, SESSION_SECRET: SECRET, DRAIN_DELAY_MS: '0' }, [hook]);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
    bff.child.kill(signal);
    expect(await bff.exited).toBe(1);
    const fatal = bff.logs.filter((line) => line.startsWith('{')).map((line) => logLine.parse(JSON.parse(line))).find((entry) => entry.level === 60);
    expect(fatal).toMatchObject({ kind, msg: `${kind}: closing the server and exiting`, err: { message: `crash hook: ${message}` } });
    expect(bff.logs.some((line) => line.includes('"msg":"shut down"'))).toBe(true);
    await expect(fetch(`${bff.url}/healthz`)).rejects.toThrow();
  });
});
