import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSCRIPT_DIR } from '@devpi-dashboard/devpi-ground-truth';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSearchHtml } from './search.js';

// The recorded devpi-web search page (transcript 181) is the ground truth for the parser.
const transcript = z.object({ response: z.object({ body: z.string() }) });
const recorded = transcript.parse(JSON.parse(readFileSync(join(TRANSCRIPT_DIR, '181-web-search-html.json'), 'utf8')));

describe('parseSearchHtml', () => {
  it("reads devpi-web's result list", () => {
    const { items, hasMore } = parseSearchHtml(recorded.response.body);
    expect(hasMore).toBe(false);
    expect(items).toEqual([{ index: 'root/acme', name: 'acme-hello', version: '0.1.0', excerpts: ['acme-hello 0.1.0 docshell'] }]);
  });

  it('notices a next page', () => {
    const html = '<div class="searchresults"><dl></dl><ul class="batch_links"><li class="next"><a href="?page=2">Next</a></li></ul></div>';
    expect(parseSearchHtml(html)).toEqual({ items: [], hasMore: true });
  });
});
