import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osvFixtures } from '../../test-support/osv-fixtures.js';
import { OsvDatabase } from './osv-database.js';
import { OsvApi, OsvApiError } from './osv-online.js';
import { scanReleases } from './scanner.js';

/** A fake OSV API on loopback: querybatch answers ids a page at a time, vulns/<id> the fixture entry. */
const entries = Object.values(osvFixtures()) as Array<{ id: string; affected?: Array<{ package?: { name: string } }> }>;
const queries: unknown[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/v1/querybatch') {
        const parsed = JSON.parse(body) as { queries: Array<{ package: { name: string; ecosystem: string }; page_token?: string }> };
        queries.push(...parsed.queries);
        const results = parsed.queries.map((query) => {
          const ids = entries.filter((e) => e.affected?.some((a) => a.package?.name.toLowerCase().replace(/[-_.]+/g, '-') === query.package.name)).map((e) => ({ id: e.id, modified: '2099-01-01T00:00:00Z' }));
          // Two ids per page, so paging is exercised.
          const start = Number(query.page_token ?? '0');
          const page = ids.slice(start, start + 2);
          return start + 2 < ids.length ? { vulns: page, next_page_token: String(start + 2) } : { vulns: page };
        });
        res.end(JSON.stringify({ results }));
        return;
      }
      const id = decodeURIComponent(req.url?.replace('/v1/vulns/', '') ?? '');
      const entry = entries.find((e) => e.id === id);
      res.statusCode = entry === undefined ? 404 : 200;
      res.end(JSON.stringify(entry ?? { code: 5, message: 'Bug not found.' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('OsvApi against a fake OSV server', () => {
  it('asks querybatch per package, follows next_page_token, fetches each entry and matches it like a dump', async () => {
    const api = new OsvApi(baseUrl, 5_000);
    const ids = await api.idsFor(['acme-widgets', 'oldlib', 'nothing-here']);
    expect([...ids].sort()).toEqual(['NPM-2099-5', 'PYSEC-2099-1', 'PYSEC-2099-3', 'PYSEC-2099-4']);
    expect(queries).toContainEqual({ package: { name: 'acme-widgets', ecosystem: 'PyPI' }, page_token: '2' });
    const database = new OsvDatabase();
    for (const id of ids) {
      const record = await api.entry(id);
      if (record !== undefined) database.add(record);
    }
    // The withdrawn entry and the npm one are dropped exactly as from a dump.
    expect(database.size).toBe(2);
    const findings = scanReleases(database, [{ index: 'a/b', project: 'acme-widgets', version: '1.0.0', requiresDist: [] }]);
    expect(findings.map((f) => f.vulnId)).toEqual(['PYSEC-2099-1']);
  });

  it('says which call failed when the API refuses', async () => {
    await expect(new OsvApi(baseUrl, 5_000).entry('NO-SUCH')).rejects.toBeInstanceOf(OsvApiError);
  });
});
