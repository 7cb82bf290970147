// The built SPA's precompressed twins (apps/web/vite/precompress.ts writes them) under `npm start`,
// with no nginx in front: the encoding follows Accept-Encoding, every variant says Vary, and the
// cache lifetimes are those of the uncompressed files.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../src/http/precompressed.js';
import { testApp } from './support/test-app.js';

const script = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const html = `<!doctype html><title>devpi dashboard</title>${'<!-- padding -->'.repeat(100)}`;

function writeWithTwins(file: string, text: string): void {
  writeFileSync(file, text);
  writeFileSync(`${file}.gz`, gzipSync(text, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(text));
}

describe('precompressed static files', () => {
  let staticDir: string;
  let app: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'bff-precompressed-'));
    mkdirSync(join(staticDir, 'assets'));
    writeWithTwins(join(staticDir, 'assets', 'app-1a2b3c.js'), script);
    writeWithTwins(join(staticDir, 'index.html'), html);
    // Small files are left uncompressed by the build: they must still be served, with Vary.
    writeFileSync(join(staticDir, 'assets', 'tiny-9z8y7x.js'), 'export {};\n');
    // Nothing listens on port 9: these tests never reach devpi.
    app = await testApp('http://127.0.0.1:9', { STATIC_DIR: staticDir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends brotli to a browser that takes it, with the original type and the long cache lifetime', async () => {
    const res = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js').set('Accept-Encoding', 'gzip, deflate, br, zstd').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(statSync(join(staticDir, 'assets', 'app-1a2b3c.js.br')).size);
    // supertest decodes the body: what arrives decodes back to the file.
    expect(res.text).toBe(script);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(statSync(join(staticDir, 'assets', 'app-1a2b3c.js.gz')).size);
    expect(gz.text).toBe(script);

    const plain = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.text).toBe(script);

    const refused = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js').set('Accept-Encoding', 'br;q=0, gzip;q=0').expect(200);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('compresses index.html for client-side routes and keeps it revalidated', async () => {
    for (const path of ['/+dashboard/', '/+dashboard/users/alice', '/+dashboard/index.html']) {
      const res = await request(app.app).get(path).set('Accept', 'text/html').set('Accept-Encoding', 'gzip, br').expect(200);
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(res.text, path).toBe(html);
    }
  });

  it('serves a file without twins as it is, and never a twin for a missing file', async () => {
    const tiny = await request(app.app).get('/+dashboard/assets/tiny-9z8y7x.js').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers.vary).toMatch(/Accept-Encoding/i);
    await request(app.app).get('/+dashboard/assets/missing-123.js').set('Accept-Encoding', 'gzip, br').expect(404);
    // The twins are an implementation detail, not a second URL of the file.
    const twin = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js.br').set('Accept-Encoding', 'identity');
    expect(twin.headers['content-encoding']).toBeUndefined();
  });

  it('reads q-values: a higher q wins, q=0 refuses, * stands for the rest', () => {
    const both = ['br', 'gzip'] as const;
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip;q=1, br;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, *', both)).toBe('gzip');
    expect(chooseEncoding('*;q=0', both)).toBeUndefined();
    expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding(undefined, both)).toBeUndefined();
    expect(chooseEncoding('identity', both)).toBeUndefined();
  });
});
