// Replays every recorded devpi exchange, in order, against devpiTarget(): a fresh double, or DEVPI_URL.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devpiTarget } from '../src/index.js';
import type { DevpiTarget } from '../src/index.js';
import { buildRequest, isFresh, restoreRootPassword, send } from './replay.js';
import { RECORDED_ORIGIN, asBinary, loadTranscripts, normalize, parseJson } from './transcripts.js';
import type { Json } from './transcripts.js';

const transcripts = loadTranscripts();
const tokens = new Map<string, string>();
let target: DevpiTarget;
let lastSerial = -1;
let passed = 0;

function recordedToken(body: Json): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const result = body['result'];
  if (!result || typeof result !== 'object' || Array.isArray(result)) return undefined;
  const token = result['password'];
  return typeof token === 'string' ? token : undefined;
}

const externalUrl = process.env['DEVPI_URL'];
const skip = externalUrl !== undefined && externalUrl !== '' && !(await isFresh(externalUrl.replace(/\/+$/, '')));
if (skip) console.warn(`devpi contract: skipped, ${externalUrl} is not a freshly initialised devpi (the transcripts need one)`);

describe.skipIf(skip)('devpi contract: recorded transcripts replayed in order', () => {
  beforeAll(async () => {
    target = await devpiTarget();
  });
  afterAll(async () => {
    console.log(`devpi contract: replayed ${transcripts.length} transcripts against ${target.sim ? 'the double' : target.url}, ${passed} passed`);
    // it was fresh, so root's password was empty
    if (!target.sim) await restoreRootPassword(target.url, '');
    await target.close();
  });

  for (const t of transcripts) {
    it(`${t.file}: ${t.request.method} ${t.request.path} -> ${t.response.status}`, async () => {
      if (t.wait_before_s) {
        if (target.sim) target.sim.advanceClock(t.wait_before_s);
        else await new Promise((r) => setTimeout(r, (t.wait_before_s ?? 0) * 1000));
      }
      const origin = target.url;
      const { url, init } = buildRequest(t, origin, tokens);
      const res = await send(url, init);
      const bytes = Buffer.from(await res.arrayBuffer());
      const want = t.response;

      expect(res.status).toBe(want.status);
      expect(res.statusText).toBe(want.reason);
      // A recorded 'None' is literal: devpi sends `Content-Type: None` for wheels (filestore.py).
      const contentType = want.headers['Content-Type'];
      expect(res.headers.get('content-type')).toBe(contentType ?? null);
      for (const name of ['X-Devpi-Api-Version', 'X-Devpi-Server-Version', 'Www-Authenticate']) {
        expect(res.headers.get(name), name).toBe(want.headers[name] ?? null);
      }
      const location = want.headers['Location'];
      expect(normalize(res.headers.get('location') ?? null, origin)).toBe(location === undefined ? null : normalize(location, RECORDED_ORIGIN));
      const serial = Number(res.headers.get('x-devpi-serial'));
      expect(Number.isInteger(serial) && serial >= lastSerial).toBe(true);
      lastSerial = serial;
      const uuid = res.headers.get('x-devpi-uuid');
      expect(uuid).toMatch(/^[0-9a-f]{32}$/);
      expect(res.headers.get('x-devpi-primary-uuid')).toBe(uuid);
      expect(res.headers.get('x-devpi-master-uuid')).toBe(uuid);

      const binary = asBinary(want.body);
      const text = bytes.toString('utf8');
      if (binary) {
        expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ size: binary.size, sha256: binary.sha256 });
      } else if (typeof want.body === 'string') {
        if (contentType?.startsWith('text/xml')) {
          const doubles = (s: string): string => s.replace(/<double>[^<]*<\/double>/g, '<double/>');
          expect(doubles(text)).toBe(doubles(want.body));
        } else {
          expect(normalize(text, origin)).toBe(normalize(want.body, RECORDED_ORIGIN));
        }
      } else {
        const got = parseJson(text);
        expect(normalize(got, origin)).toEqual(normalize(want.body, RECORDED_ORIGIN));
        const recorded = recordedToken(want.body);
        const replayed = recordedToken(got);
        if (recorded && replayed) tokens.set(recorded, replayed);
      }
      passed += 1;
    }, 30_000 + (t.wait_before_s ?? 0) * 1000);
  }
});
