// Replays the 114 devpi-tokens exchanges, in order, against a fresh double with the plugin, or DEVPI_URL when
// that server has the plugin. Recorded secrets are mapped to the replay's own (API-tokens.md, "What was recorded").
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_TRANSCRIPT_DIR } from '@devpi-dashboard/devpi-ground-truth';
import { startDevpiSim } from '../src/index.js';
import type { DevpiSim } from '../src/index.js';
import { addCaveat, parseMacaroon, serializeMacaroon } from '../src/macaroon.js';
import type { Macaroon } from '../src/macaroon.js';
import { buildRequest, isFresh, restoreRootPassword, send } from './replay.js';
import { asBinary, loadTranscripts, normalize, parseJson } from './transcripts.js';
import type { Json, Transcript } from './transcripts.js';

const RECORDED = 'http://127.0.0.1:3144';
const transcripts = loadTranscripts(TOKEN_TRANSCRIPT_DIR);
const loginTokens = new Map<string, string>();
/** recorded token identifier (`alice-Ky34nhAV`) -> the recorded macaroon and the replay's */
const minted = new Map<string, { recorded: Macaroon; replay: Macaroon }>();
/** token ids of both sides -> one label, so bodies naming ids compare */
const idLabels = { recorded: new Map<string, string>(), replay: new Map<string, string>() };
const HEADER_KINDS = /^(content-type|x-devpi-.*|location|www-authenticate)$/i;

let sim: DevpiSim | undefined;
let origin = '';
let advanced = 0;
let lastSerial = -1;
let passed = 0;

function field(body: Json, ...path: string[]): Json | undefined {
  let v: Json | undefined = body;
  for (const key of path) v = v && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined;
  return v;
}

/** A recorded secret (login token, devpi token, derived or tampered token) as the replay must present it. */
function mapSecret(secret: string): string {
  const login = loginTokens.get(secret);
  if (login) return login;
  const m = parseMacaroon(secret);
  const pair = m ? minted.get(m.identifier) : undefined;
  if (!m || !pair) return secret;
  const prefix = secret.startsWith('devpi-') ? 'devpi-' : '';
  const base = pair.recorded.caveats;
  if (m.caveats.length === base.length) {
    const replayed = serializeMacaroon(pair.replay);
    if (m.signature.equals(pair.recorded.signature)) return `${prefix}${replayed}`;
    // tampered: the recording replaced the last 4 characters with AAAA
    return `${prefix}${replayed.slice(0, -4)}${replayed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  }
  let derived = pair.replay;
  for (const caveat of m.caveats.slice(base.length)) derived = addCaveat(derived, caveat);
  return `${prefix}${serializeMacaroon(derived)}`;
}

function mapPair(encoded: string): string {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const [user, secret] = colon < 0 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return Buffer.from(`${mapSecret(user)}${colon < 0 ? '' : ':'}${mapSecret(secret)}`).toString('base64');
}

function mapIds(text: string): string {
  let out = text;
  for (const [recorded, label] of idLabels.recorded) {
    const replay = [...idLabels.replay].find(([, l]) => l === label)?.[0];
    if (replay) out = out.split(recorded).join(replay);
  }
  return out;
}

function nowSeconds(): number {
  return Date.now() / 1000 + advanced;
}

/** The transcript with its secrets, token ids and absolute epochs turned into the replay's. */
function replayable(t: Transcript): Transcript {
  const headers: Record<string, string> = { ...t.request.headers };
  const devpiAuth = headers['X-Devpi-Auth'];
  if (devpiAuth) headers['X-Devpi-Auth'] = mapPair(devpiAuth);
  const authorization = headers['Authorization'];
  if (authorization?.startsWith('Basic ')) headers['Authorization'] = `Basic ${mapPair(authorization.slice(6))}`;
  if (authorization?.startsWith('Bearer ')) headers['Authorization'] = `Bearer ${mapSecret(authorization.slice(7))}`;
  let body: Json = t.request.body;
  if (body && typeof body === 'object' && !Array.isArray(body) && !('multipart/form-data' in body)) {
    const shift = t.recorded_at === undefined ? 0 : Math.round(nowSeconds() - t.recorded_at);
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(body)) {
      if ((k === 'expires' || k === 'not_before') && typeof v === 'number') out[k] = v + shift;
      else out[k] = typeof v === 'string' ? mapSecret(v) : v;
    }
    body = out;
  }
  return { ...t, request: { ...t.request, path: mapIds(t.request.path), headers, body } };
}

const DEVPI_TOKEN = /^(devpi-)?[A-Za-z0-9_-]{40,}$/;
const EPOCHS = /\b(expires=|not_before=|expired at |valid before )\d{9,10}\b/g;
const UTC = /\(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00\)/g;

/** What may differ between two correct servers with the plugin: token ids, token secrets, and epochs. */
function normalizeTokens(value: Json, side: 'recorded' | 'replay'): Json {
  const text = (s: string): string => {
    const m = DEVPI_TOKEN.test(s) ? parseMacaroon(s) : undefined;
    if (m) return `<devpi-token ${text(m.identifier)} [${m.caveats.map(text).join(', ')}]>`;
    let out = s;
    for (const [id, label] of idLabels[side]) out = out.split(id).join(label);
    return out.replace(EPOCHS, '$1<epoch>').replace(UTC, '(<utc>)');
  };
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => normalizeTokens(v, side));
  if (value && typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[text(k)] = normalizeTokens(v, side);
    return out;
  }
  return value;
}

function learnToken(recordedToken: Json | undefined, replayToken: Json | undefined): void {
  if (typeof recordedToken !== 'string' || typeof replayToken !== 'string') return;
  const recorded = parseMacaroon(recordedToken);
  const replay = parseMacaroon(replayToken);
  if (!recorded || !replay) return;
  minted.set(recorded.identifier, { recorded, replay });
  const label = `<token-id:${idLabels.recorded.size + 1}>`;
  idLabels.recorded.set(recorded.identifier.slice(recorded.identifier.lastIndexOf('-') + 1), label);
  idLabels.replay.set(replay.identifier.slice(replay.identifier.lastIndexOf('-') + 1), label);
}

/** The plugin adds no /+api flag; its routes are the tell: anonymous POST /+token-create is a 403, not a 404. */
async function hasPlugin(url: string): Promise<boolean> {
  const res = await fetch(`${url}/root/+token-create`, { method: 'POST', headers: { Accept: 'application/json' } }).catch(() => undefined);
  return res?.status === 403;
}

const externalUrl = (process.env['DEVPI_URL'] ?? '').replace(/\/+$/, '');
let skipReason: string | undefined;
if (externalUrl) {
  if (!(await hasPlugin(externalUrl))) skipReason = `${externalUrl} runs without the devpi-tokens plugin`;
  else if (!(await isFresh(externalUrl))) skipReason = `${externalUrl} is not a freshly initialised devpi (the transcripts need one)`;
}
if (skipReason) console.warn(`devpi-tokens contract: skipped, ${skipReason}`);

describe.skipIf(skipReason !== undefined)('devpi-tokens contract: recorded transcripts replayed in order', () => {
  beforeAll(async () => {
    if (externalUrl) origin = externalUrl;
    else {
      sim = await startDevpiSim({ tokens: true });
      origin = sim.url;
    }
  });
  afterAll(async () => {
    console.log(`devpi-tokens contract: replayed ${transcripts.length} transcripts against ${sim ? 'the double' : origin}, ${passed} passed`);
    // it was fresh, so root's password was empty
    if (!sim) await restoreRootPassword(origin, '');
    await sim?.close();
  });

  it('has all 114 recorded exchanges', () => {
    expect(transcripts).toHaveLength(114);
  });

  for (const t of transcripts) {
    // a real server cannot be restarted from here; the double does what a restart without --secretfile does
    const external = externalUrl !== '';
    // A real server under load takes seconds per token request; the double milliseconds.
    it.skipIf(external && t.restart_before === true)(`${t.file}: ${t.request.method} ${t.request.path} -> ${t.response.status}`, async () => {
      if (t.wait_before_s) {
        if (sim) sim.advanceClock(t.wait_before_s);
        else await new Promise((r) => setTimeout(r, (t.wait_before_s ?? 0) * 1000));
        advanced += sim ? t.wait_before_s : 0;
      }
      if (t.restart_before) sim?.restart();
      const { url, init } = buildRequest(replayable(t), origin, new Map());
      const res = await send(url, init);
      const bytes = Buffer.from(await res.arrayBuffer());
      const want = t.response;

      expect(res.status).toBe(want.status);
      expect(res.statusText).toBe(want.reason);
      expect(res.headers.get('content-type')).toBe(want.headers['Content-Type'] ?? null);
      const names = (h: Iterable<string>): string[] => [...h].filter((n) => HEADER_KINDS.test(n)).map((n) => n.toLowerCase()).sort();
      expect(names(res.headers.keys())).toEqual(names(Object.keys(want.headers)));
      for (const name of ['X-Devpi-Api-Version', 'X-Devpi-Server-Version', 'Www-Authenticate']) {
        expect(res.headers.get(name), name).toBe(want.headers[name] ?? null);
      }
      const serialHeader = res.headers.get('x-devpi-serial');
      if (serialHeader !== null) {
        const serial = Number(serialHeader);
        expect(serial).toBeGreaterThanOrEqual(lastSerial);
        // creating and deleting a token is one database write each, listing none
        const prev = transcripts[transcripts.indexOf(t) - 1]?.response.headers['X-Devpi-Serial'];
        const recordedSerial = want.headers['X-Devpi-Serial'];
        if (t.request.path.includes('/+token') && prev !== undefined && recordedSerial !== undefined) {
          expect(serial - lastSerial, 'serial step').toBe(Number(recordedSerial) - Number(prev));
        }
        lastSerial = serial;
      }

      const binary = asBinary(want.body);
      const text = bytes.toString('utf8');
      if (binary) {
        expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ size: binary.size, sha256: binary.sha256 });
      } else if (typeof want.body === 'string') {
        expect(normalize(normalizeTokens(text, 'replay'), origin)).toBe(normalize(normalizeTokens(want.body, 'recorded'), RECORDED));
      } else {
        const got = parseJson(text);
        learnToken(field(want.body, 'result', 'token'), field(got, 'result', 'token'));
        const recordedLogin = field(want.body, 'result', 'password');
        const replayLogin = field(got, 'result', 'password');
        if (typeof recordedLogin === 'string' && typeof replayLogin === 'string') loginTokens.set(recordedLogin, replayLogin);
        expect(normalize(normalizeTokens(got, 'replay'), origin)).toEqual(normalize(normalizeTokens(want.body, 'recorded'), RECORDED));
      }
      passed += 1;
    }, (external ? 180_000 : 30_000) + (t.wait_before_s ?? 0) * 1000);
  }
});
