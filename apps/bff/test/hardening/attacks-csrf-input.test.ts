import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE, sessionSchema, errorCodes } from '@devpi-dashboard/dashboard-api';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { csrfVariants } from './support/csrf-corpus.js';
import { sessionCookieOf, spa, startHardened, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const tally = new Tally('attacks-csrf-input');

let h: Hardened;
let cookie: string;
let owner: string;
const index = 'stage';

beforeAll(async () => {
  h = await startHardened();
  const user = await h.devpi.user('victim');
  owner = user.name;
  await h.root.createIndex(owner, index, { type: 'stage', title: 'untouched' });
  cookie = await h.login(owner, user.password);
});

afterAll(async () => {
  tally.write();
  await h?.close();
});

interface Target {
  name: string;
  method: string;
  path: string;
  body: () => string;
}

const targets = (): Target[] => [
  { name: 'log in', method: 'POST', path: '/+dashboard/api/session', body: () => JSON.stringify({ user: owner, password: `${owner}-pw` }) },
  { name: 'log out', method: 'DELETE', path: '/+dashboard/api/session', body: () => '' },
  { name: 'change an index', method: 'PATCH', path: `${DEVPI_PROXY_BASE}/${owner}/${index}`, body: () => JSON.stringify(['title=pwned']) },
  { name: 'create a user', method: 'PUT', path: `${DEVPI_PROXY_BASE}/${uniqueName('csrf')}`, body: () => JSON.stringify({ password: 'x' }) },
];

describe('CSRF: every state change from anywhere but our SPA is refused', () => {
  it.each(csrfVariants)('$name: 403 on login, logout, index change and user creation', async (variant) => {
    for (const target of targets()) {
      h.proxy.clearLog();
      const res = await fetch(`${h.url}${target.path}`, {
        method: target.method,
        headers: { 'Content-Type': 'application/json', Cookie: cookie, ...variant.headers(h.url) },
        body: target.method === 'DELETE' ? null : target.body(),
      });
      expect(res.status, `${target.name}`).toBe(403);
      expect(errorBody.parse(await res.json()).error.code).toBe(errorCodes.csrf);
      expect(sessionCookieOf(res), target.name).toBeUndefined();
      expect(h.proxy.requests, target.name).toEqual([]);
      tally.add('csrf attempts');
    }
    // The refused logout did not log the victim out; the refused PATCH changed nothing.
    const who = await fetch(`${h.url}/+dashboard/api/session`, { headers: { Cookie: cookie } });
    expect(sessionSchema.parse(await who.json()).user).toBe(owner);
    expect((await h.root.getIndex(owner, index, { noProjects: true }))?.title).toBe('untouched');
  });
});

interface BodyAttack {
  name: string;
  contentType: string;
  body: string;
  status: number;
  extra?: Record<string, string>;
}

const login = (user: string) => ({ user, password: 'whatever' });
const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;

const bodyAttacks = (): BodyAttack[] => [
  { name: 'malformed JSON', contentType: 'application/json', body: '{"user": "root", "password": ', status: 400 },
  { name: 'JSON with trailing garbage', contentType: 'application/json', body: `${JSON.stringify(login('root'))}<script>`, status: 400 },
  { name: 'a JSON array', contentType: 'application/json', body: '["root", ""]', status: 400 },
  { name: 'JSON null', contentType: 'application/json', body: 'null', status: 400 },
  { name: '5,000-deep nesting', contentType: 'application/json', body: nested, status: 400 },
  { name: 'user as an object', contentType: 'application/json', body: '{"user": {"$ne": ""}, "password": ""}', status: 400 },
  { name: 'password as an array', contentType: 'application/json', body: '{"user": "root", "password": [""]}', status: 400 },
  { name: '5,000-character password', contentType: 'application/json', body: JSON.stringify({ user: 'root', password: 'p'.repeat(5_000) }), status: 400 },
  { name: 'empty user', contentType: 'application/json', body: JSON.stringify({ user: '', password: '' }), status: 400 },
  { name: 'prototype pollution', contentType: 'application/json', body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', status: 400 },
  { name: 'JSON sent as text/plain', contentType: 'text/plain', body: JSON.stringify(login('root')), status: 400 },
  { name: 'form-encoded', contentType: 'application/x-www-form-urlencoded', body: 'user=root&password=', status: 400 },
  { name: 'multipart', contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="user"\r\n\r\nroot\r\n--x--\r\n', status: 400 },
  { name: 'unknown charset', contentType: 'application/json; charset=x-evil-7', body: JSON.stringify(login('root')), status: 415 },
  { name: 'bogus gzip encoding', contentType: 'application/json', body: JSON.stringify(login('root')), status: 400, extra: { 'Content-Encoding': 'gzip' } },
  { name: 'unknown content encoding', contentType: 'application/json', body: JSON.stringify(login('root')), status: 415, extra: { 'Content-Encoding': 'br-evil' } },
  { name: '100 KB body', contentType: 'application/json', body: JSON.stringify({ user: 'root', password: 'p'.repeat(100 * 1024) }), status: 413 },
];

describe('hostile request bodies on the JSON API', () => {
  it.each(bodyAttacks())('$name: $status, no session, nothing at devpi', async (attack) => {
    h.proxy.clearLog();
    const res = await fetch(`${h.url}/+dashboard/api/session`, {
      method: 'POST',
      headers: { ...spa(h.url), 'Content-Type': attack.contentType, ...attack.extra },
      body: attack.body,
    });
    expect(res.status).toBe(attack.status);
    expect(errorBody.parse(await res.json()).error.status).toBe(attack.status);
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(h.proxy.requests).toEqual([]);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    tally.add('body attacks');
  });
});

describe('index changes that are not a short list of operations', () => {
  const patches: [string, string, number, Record<string, string>][] = [
    ['a whole config (dict PATCH)', JSON.stringify({ title: 'pwned', acl_upload: [':ANONYMOUS:'] }), 400, {}],
    ['a list with a non-string', JSON.stringify(['title=x', { acl_upload: [] }]), 400, {}],
    ['malformed JSON', '["acl_upload+=bob"', 400, {}],
    ['70 KB of operations', JSON.stringify(Array.from({ length: 7_000 }, (_, i) => `title=${i}`)), 413, {}],
    ['a gzip-encoded body', JSON.stringify(['title=pwned']), 400, { 'Content-Encoding': 'gzip' }],
    ['operations sent as text/plain', JSON.stringify({ title: 'pwned' }), 400, { 'Content-Type': 'text/plain' }],
  ];
  it.each(patches)('%s: %i and nothing reaches devpi', async (_name, body, status, extra) => {
    h.proxy.clearLog();
    const res = await fetch(`${h.url}${DEVPI_PROXY_BASE}/${owner}/${index}`, { method: 'PATCH', headers: { ...spa(h.url), Cookie: cookie, ...extra }, body });
    expect(res.status).toBe(status);
    expect(h.proxy.requests).toEqual([]);
    expect((await h.root.getIndex(owner, index, { noProjects: true }))?.title).toBe('untouched');
    tally.add('index patch attacks');
  });
});
