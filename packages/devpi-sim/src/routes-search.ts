// devpi-web's search: /+search (HTML only) and pip's XML-RPC search on an index URL.
import type { Ctx } from './http.js';
import { Reply, html } from './http.js';
import { escapeHtml as e } from './html-escape.js';
import { SEARCH_HELP, webPage } from './html-layout.js';
import type { IndexRec } from './model.js';
import { indexName, isMirror } from './model.js';
import { docFile } from './docs.js';
import { latestVersion, normalizeName } from './names.js';
import { sro } from './stage-ops.js';

interface Hit { ix: IndexRec; project: string; version: string | undefined; hasDoc: boolean }

function search(ctx: Ctx, query: string, indexes: IndexRec[], limit: number): Hit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean).map((t) => normalizeName(t.replace(/^name:/, '').replace(/\*$/, '')));
  const hits: Hit[] = [];
  const matches = (name: string): boolean => terms.length > 0 && terms.every((t) => name.includes(t));
  for (const ix of indexes) {
    if (isMirror(ix)) {
      // devpi-web indexes a mirror's names once, when it first learns them
      for (const name of ix.mirror?.searchNames ?? []) {
        if (hits.length >= limit) return hits;
        if (matches(name)) hits.push({ ix, project: name, version: undefined, hasDoc: false });
      }
      continue;
    }
    for (const [name, proj] of ix.projects) {
      if (hits.length >= limit) return hits;
      if (!matches(name)) continue;
      const version = latestVersion(proj.versions.keys());
      const rec = version === undefined ? undefined : proj.versions.get(version);
      hits.push({ ix, project: name, version, hasDoc: !!rec?.links.some((l) => l.rel === 'doczip') });
    }
  }
  return hits;
}

/** Doc-page sub-hits: one per matching field (title, page text), with whoosh-like highlighting. */
function docHits(ctx: Ctx, h: Hit, query: string): string {
  if (!h.hasDoc || !h.version) return '';
  const page = docFile(ctx.sim, h.ix, h.project, h.version, 'index.html');
  if (!page) return '';
  const source = page.content.toString('utf8');
  const title = /<title>([^<]*)<\/title>/.exec(source)?.[1] ?? `${h.project} docs`;
  const text = source.replace(/<title>[^<]*<\/title>/, '').replace(/<[^>]+>/g, '');
  const term = query.toLowerCase().split(/\s+/).find(Boolean) ?? '';
  const at = text.toLowerCase().indexOf(term);
  if (!term || at < 0) return '';
  const start = Math.max(0, at - 20);
  const fragment = `${e(text.slice(start, at))}<strong class="match term0">${e(text.slice(at, at + term.length))}</strong>${e(text.slice(at + term.length, at + term.length + 21))}`;
  const href = `${ctx.base}/${indexName(h.ix)}/${h.project}/${h.version}/+d/index.html`;
  const hit = `<dl><dt><a href="${href}">${e(title)}</a></dt><dd condition="sub_hit.highlight">${fragment}</dd></dl>`;
  return title.toLowerCase().includes(term) ? hit + hit : hit;
}

export function searchPage(ctx: Ctx): Reply {
  const query = ctx.query.get('query') ?? '';
  const indexes = ctx.sim.store.allIndexes().sort((a, b) => indexName(a).localeCompare(indexName(b)));
  const items = search(ctx, query, indexes, 50).map((h) => {
    const path = `${indexName(h.ix)}/${h.project}`;
    const target = h.version ? `${path}/${h.version}` : path;
    const label = h.version ? `${h.project}-${h.version}` : h.project;
    return `<dt class="packagename"><a href="${ctx.base}/${target}">${e(label)}</a></dt>\n<dd class="packageinfo"><div class="packagedetails"><span>/${path}</span></div>${docHits(ctx, h, query)}</dd>`;
  });
  const body = `        <div class="searchresults">\n            <dl>\n${items.join('\n')}\n            </dl>\n            <ul class="batch_links"><li class="prev"></li><li class="current">1</li><li class="next"></li></ul>\n        </div>\n        `;
  return html(webPage({ base: ctx.base, crumbs: {}, body, query }));
}

export function searchHelpPage(ctx: Ctx): Reply {
  return html(webPage({ base: ctx.base, title: 'devpi', crumbs: {}, body: `        <div id="content">\n            <div class="query_doc">\n                ${SEARCH_HELP}\n            </div>\n        </div>` }));
}

function xmlString(s: string): string {
  return `<value><string>${e(s)}</string></value>`;
}

/** The `search` XML-RPC method pip used to call on an index URL. */
export function xmlrpcSearch(ctx: Ctx, ix: IndexRec): Reply {
  const body = ctx.body.toString('utf8');
  const terms = [...body.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => m[1] ?? '').filter((t) => t !== 'or' && t !== 'and');
  const hits = search(ctx, terms.join(' '), sro(ctx.sim, ix).filter((s) => !isMirror(s)), 100);
  const structs = hits.map((h) => {
    const summary = h.version ? String(h.ix.projects.get(h.project)?.versions.get(h.version)?.metadata['summary'] ?? '') : '';
    return `<value><struct>\n<member>\n<name>name</name>\n${xmlString(h.project)}\n</member>\n<member>\n<name>summary</name>\n${xmlString(`[${indexName(h.ix)}] ${summary}`)}\n</member>\n<member>\n<name>version</name>\n${xmlString(h.version ?? '')}\n</member>\n<member>\n<name>_pypi_ordering</name>\n<value><double>1.0</double></value>\n</member>\n</struct></value>\n`;
  });
  const xml = `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n${structs.join('')}</data></array></value>\n</param>\n</params>\n</methodResponse>\n`;
  return new Reply(200, xml, 'text/xml; charset=UTF-8');
}
