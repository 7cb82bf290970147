// The signed-in landing page rendered by the BFF (prerender/landing-prerender.ts): the answers are
// asked of the BFF's own API with the browser's cookie, handed to the SPA's server entry, and sent
// with the page; anything short of a full signed-in set sends the plain page. The server entry here
// is a stand-in that prints what it was given (the SPA's own is tested in apps/web).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOT_ANSWERS_ID, CSRF_HEADER, PRERENDER_META, CSRF_HEADER_VALUE, type BootAnswer } from '@devpi-dashboard/dashboard-api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { devpiFixture } from './support/devpi-fixtures.js';
import { testApp } from './support/test-app.js';

const INLINE_CSS = 'body{margin:0}';
const INDEX_HTML = '<!doctype html>\n<html lang="en">\n  <head><title>devpi dashboard</title><style>' + INLINE_CSS + '</style><script type="module" async src="/+dashboard/assets/index.js"></script></head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';
const HOSTILE_TITLE = '</script><script>alert(1)</script><!--';

/** A server entry that renders who is signed in and the status of every answer. */
const standInEntry = (urls: string[], required: string[]) => `
export const landingUrls = ${JSON.stringify(urls)};
export const requiredUrls = ${JSON.stringify(required)};
export async function renderLanding(answers, preferences) {
  const session = answers.find((a) => a.url === '/+dashboard/api/session');
  return '<h1>Welcome, ' + session.body.user + '</h1><ul>' + answers.map((a) => '<li>' + a.url + ' ' + a.status + '</li>').join('') + '</ul>'
    + '<p class="prefs">' + Object.keys(preferences).sort().join(' ') + '</p>';
}
`;

const bootAnswers = (html: string): BootAnswer[] => {
  const match = new RegExp(`<script type="application/json" id="${BOOT_ANSWERS_ID}">(.*?)</script>`, 's').exec(html);
  if (!match?.[1]) throw new Error('no boot answers in the page');
  return z.array(z.object({ url: z.string(), status: z.number(), body: z.unknown() })).parse(JSON.parse(match[1])) as BootAnswer[];
};

describe('the landing page rendered by the BFF', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let dir: string;
  let alice: { name: string; password: string };
  let app: Awaited<ReturnType<typeof testApp>>;
  let cookie: string;
  const staticDir = () => join(dir, 'web');

  beforeAll(async () => {
    devpi = await devpiFixture();
    alice = await devpi.user('ssr');
    await devpi.root.createIndex(alice.name, 'dev', { bases: [], title: HOSTILE_TITLE });
    dir = mkdtempSync(join(tmpdir(), 'bff-prerender-'));
    const web = staticDir();
    const hostile = `/+dashboard/api/devpi/${alice.name}/dev?no_projects=`;
    const missing = `/+dashboard/api/devpi/${alice.name}/no-such-index`;
    writeFileSync(join(dir, 'entry.mjs'), standInEntry(['/+dashboard/api/session', '/+dashboard/api/config', hostile, missing], ['/+dashboard/api/session', hostile]));
    writeFileSync(join(dir, 'failing-entry.mjs'), standInEntry(['/+dashboard/api/session', missing], ['/+dashboard/api/session', missing]));
    await import('node:fs/promises').then((fs) => fs.mkdir(web, { recursive: true }));
    writeFileSync(join(web, 'index.html'), INDEX_HTML);
    app = await testApp(devpi.target.url, { STATIC_DIR: web, SSR_ENTRY: join(dir, 'entry.mjs') });
    const login = await request(app.app)
      .post('/+dashboard/api/session')
      .set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' })
      .send({ user: alice.name, password: alice.password })
      .expect(200);
    cookie = (z.array(z.string()).parse(login.headers['set-cookie']).find((c) => c.startsWith('devpi_dashboard_session=')) ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await app?.close();
    await devpi?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const landing = (target = app.app) => request(target).get('/+dashboard/').set('Accept', 'text/html');

  it('sends the screen in #root and the answers it was rendered from, never cached', async () => {
    const res = await landing().set('Cookie', cookie).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/Cookie/);
    // the page's own inline stylesheet, and no other inline style, may apply
    expect(res.headers['content-security-policy']).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(INLINE_CSS).digest('base64')}';`);
    expect(res.text).toContain(`<div id="root"><h1>Welcome, ${alice.name}</h1>`);
    const answers = bootAnswers(res.text);
    // In the order the landing asks; an optional answer that is not a 200 (the 404) is left out.
    expect(answers.map((a) => [a.url, a.status])).toEqual([
      ['/+dashboard/api/session', 200],
      ['/+dashboard/api/config', 200],
      [`/+dashboard/api/devpi/${alice.name}/dev?no_projects=`, 200],
    ]);
    expect(res.text).not.toContain('no-such-index 404');
    expect(answers[0]?.body).toMatchObject({ authenticated: true, user: alice.name });
    // What devpi stores comes back as it is, and cannot end the script element it travels in.
    expect(JSON.stringify(answers[2]?.body)).toContain(HOSTILE_TITLE);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text.match(/<\/script>/g)).toHaveLength(2);
    // The rest of index.html follows the screen.
    expect(res.text.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it('compresses the page for a browser that takes gzip (no nginx under npm start)', async () => {
    const res = await landing().set('Cookie', cookie).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.text).toContain(`Welcome, ${alice.name}`);
  });

  it('paints in the theme the user chose, and ignores anything else in that cookie', async () => {
    const dark = await landing().set('Cookie', `${cookie}; devpi-dashboard-theme=dark; devpi-dashboard-root-banner-collapsed=1; other=1`).expect(200);
    expect(dark.text).toContain('<html data-theme="dark" lang="en">');
    // The render gets the SPA's preference cookies, and nothing else of the cookie header.
    expect(dark.text).toContain('<p class="prefs">devpi-dashboard-root-banner-collapsed devpi-dashboard-theme</p>');
    const odd = await landing().set('Cookie', `${cookie}; devpi-dashboard-theme="><script>`).expect(200);
    expect(odd.text).toContain('<html lang="en">');
  });

  it('sends the plain page without a session, with a stale one, and on other screens', async () => {
    for (const res of [
      await landing().expect(200),
      await landing().set('Cookie', 'devpi_dashboard_session=forged').expect(200),
      await request(app.app).get('/+dashboard/users').set('Accept', 'text/html').set('Cookie', cookie).expect(200),
    ]) {
      expect(res.text).toBe(INDEX_HTML);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the plain page, after the same head, when a required answer is not a 200', async () => {
    const failing = await testApp(devpi.target.url, { STATIC_DIR: staticDir(), SSR_ENTRY: join(dir, 'failing-entry.mjs') });
    try {
      const res = await landing(failing.app).set('Cookie', cookie).expect(200);
      // The head went out marked as being rendered; the rest of the plain page followed it.
      expect(res.text).toBe(INDEX_HTML.replace('</head>', `  <meta name="${PRERENDER_META}" content="landing">\n  </head>`));
      expect(res.text).not.toContain(BOOT_ANSWERS_ID);
      expect(failing.logs.lines.some((line) => line.includes('landing not rendered on the server'))).toBe(true);
    } finally {
      await failing.close();
    }
  });

  it('sends the plain page when no server entry was built, or the one there does not load', async () => {
    writeFileSync(join(dir, 'broken.mjs'), 'export const landingUrls = [;\n');
    for (const entry of ['missing.mjs', 'broken.mjs']) {
      const bare = await testApp(devpi.target.url, { STATIC_DIR: staticDir(), SSR_ENTRY: join(dir, entry) });
      try {
        const res = await landing(bare.app).set('Cookie', cookie).expect(200);
        expect(res.text, entry).toBe(readFileSync(join(staticDir(), 'index.html'), 'utf8'));
      } finally {
        await bare.close();
      }
    }
  });
});
