import { z } from 'zod';
import { parseOsvEntry, PYPI_ECOSYSTEM, type OsvRecord } from './osv-entry.js';

/** OSV's limit of queries per batch. */
const BATCH = 1000;

const batchAnswer = z.object({
  results: z.array(
    z.object({ vulns: z.array(z.object({ id: z.string() }).loose()).optional(), next_page_token: z.string().optional() }).loose(),
  ),
});

export class OsvApiError extends Error {}

/**
 * The OSV API (`POST /v1/querybatch`, `GET /v1/vulns/<id>`), used only when OSV_ONLINE is set.
 * querybatch answers ids only; the entries are fetched once each and matched by the same code as
 * a dump's, so online and offline scans agree on what "affected" means.
 */
export class OsvApi {
  constructor(private readonly baseUrl: string, private readonly timeoutMs: number, private readonly fetchImpl: typeof fetch = fetch) {}

  private async request(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new OsvApiError(`OSV API ${path}: ${response.status} ${response.statusText}`);
    return response.json();
  }

  /** Ids of every entry OSV has for each package (all versions: requirements need them all). */
  async idsFor(names: readonly string[]): Promise<Set<string>> {
    const ids = new Set<string>();
    let pending = names.map((name) => ({ name, pageToken: undefined as string | undefined }));
    while (pending.length > 0) {
      const next: typeof pending = [];
      for (let at = 0; at < pending.length; at += BATCH) {
        const chunk = pending.slice(at, at + BATCH);
        const queries = chunk.map(({ name, pageToken }) => ({ package: { name, ecosystem: PYPI_ECOSYSTEM }, ...(pageToken === undefined ? {} : { page_token: pageToken }) }));
        const body = batchAnswer.safeParse(
          await this.request('/v1/querybatch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queries }) }),
        );
        if (!body.success) throw new OsvApiError('OSV API /v1/querybatch: unexpected answer');
        body.data.results.forEach((result, n) => {
          for (const vuln of result.vulns ?? []) ids.add(vuln.id);
          const query = chunk[n];
          if (result.next_page_token !== undefined && query !== undefined) next.push({ name: query.name, pageToken: result.next_page_token });
        });
      }
      pending = next;
    }
    return ids;
  }

  async entry(id: string): Promise<OsvRecord | undefined> {
    return parseOsvEntry(await this.request(`/v1/vulns/${encodeURIComponent(id)}`));
  }
}
