// index.html carries the SPA's stylesheet inline (apps/web/vite/inline-css.ts): its HTML responses
// allow exactly those style elements by hash, and nothing else inline, plain page and rendered
// landing alike. A build beside a running BFF changes the page and the hash together.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowInlineStyles, inlineStyleSources } from '../src/http/inline-style-csp.js';
import { testApp } from './support/test-app.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const page = (css: string) => `<!doctype html><html><head><title>devpi dashboard</title><style>${css}</style></head><body><div id="root"></div></body></html>`;
const styleSrc = (csp: string | undefined) => /(?:^|;)style-src ([^;]*)/.exec(csp ?? '')?.[1]?.split(' ');

describe('inline style sources', () => {
  it('hashes each style element as a CSP source, unicode included', () => {
    const css = 'body{color:#222}.a::before{content:"→ ü"}';
    expect(inlineStyleSources(`<head><style>${css}</style><style>p{}</style></head>`)).toEqual([sha256(css), sha256('p{}')]);
    expect(inlineStyleSources('<link rel="stylesheet" href="/a.css">')).toEqual([]);
  });

  it("adds them to style-src only, keeping 'self' and the other directives", () => {
    const headers = new Map<string, string>([['Content-Security-Policy', "default-src 'self';script-src 'self';style-src 'self';img-src 'self'"]]);
    const res = { getHeader: (name: string) => headers.get(name), setHeader: (name: string, value: string) => headers.set(name, value) };
    allowInlineStyles(res as never, ["'sha256-abc'"]);
    expect(headers.get('Content-Security-Policy')).toBe("default-src 'self';script-src 'self';style-src 'self' 'sha256-abc';img-src 'self'");
  });
});

describe('the SPA page with its stylesheet inline', () => {
  let staticDir: string;
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'bff-inline-style-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), page('body{margin:0}'));
    // Nothing listens on port 9: these tests never reach devpi.
    app = await testApp('http://127.0.0.1:9', { STATIC_DIR: staticDir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('allows exactly the style the page carries, on every client-side route', async () => {
    for (const path of ['/+dashboard/', '/+dashboard/indexes/root/pypi']) {
      const res = await request(app.app).get(path).set('Accept', 'text/html').expect(200);
      expect(res.text).toContain('<style>body{margin:0}</style>');
      expect(styleSrc(res.headers['content-security-policy'])).toEqual(["'self'", sha256('body{margin:0}')]);
    }
    // Answers that are not the page keep the plain policy.
    const api = await request(app.app).get('/healthz').expect(200);
    expect(styleSrc(api.headers['content-security-policy'])).toEqual(["'self'"]);
  });

  it('follows a new build of the page without a restart', async () => {
    writeFileSync(join(staticDir, 'index.html'), page('body{margin:1px;padding:0}'));
    const res = await request(app.app).get('/+dashboard/').set('Accept', 'text/html').expect(200);
    expect(res.text).toContain('margin:1px');
    expect(styleSrc(res.headers['content-security-policy'])).toEqual(["'self'", sha256('body{margin:1px;padding:0}')]);
  });
});
