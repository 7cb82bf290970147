// The simple index (PEP 503 HTML and PEP 691 JSON), as views.py serves it.
import type { Ctx, Reply } from './http.js';
import { HTML_TYPE, Reply as R, SIMPLE_JSON_TYPE, abort, redirect } from './http.js';
import { escapeHtml } from './html-escape.js';
import { clearMirrorProject } from './mirror.js';
import type { IndexRec } from './model.js';
import { indexName, isMirror, stringList } from './model.js';
import { hasProject, listProjectsPerstage, simpleLinks, sro, whitelistInfo } from './stage-ops.js';

const INSTALLER_UA = /^([^ ]* )*(distribute|setuptools|pip|pex|uv)\/.*/;

export function wantsSimpleJson(ctx: Ctx): boolean {
  return ctx.accept.includes(SIMPLE_JSON_TYPE);
}

function byInstaller(ctx: Ctx): boolean {
  return INSTALLER_UA.test(ctx.userAgent);
}

/** `path` relative to the directory of `page`, like devpi_common's URL.relpath. */
function relpath(page: string, target: string): string {
  const from = page.split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

export async function simpleListAll(ctx: Ctx, ix: IndexRec): Promise<Reply> {
  const perStage: { ix: IndexRec; names: string[] }[] = [];
  for (const stage of sro(ctx.sim, ix)) perStage.push({ ix: stage, names: await listProjectsPerstage(ctx.sim, stage) });
  const seen = new Set<string>();
  if (wantsSimpleJson(ctx)) {
    const parts: string[] = [];
    for (const { names } of perStage) {
      for (const name of names) {
        if (seen.has(name)) continue;
        seen.add(name);
        parts.push(JSON.stringify({ name }));
      }
    }
    return new R(200, `{"meta": {"api-version": "1.0"}, "projects": [${parts.join(', ')}]}`, SIMPLE_JSON_TYPE);
  }
  const title = `${indexName(ix)}: simple list (including inherited indices)`;
  const out: string[] = [`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>`];
  for (const { ix: stage, names } of perStage) {
    const bases = stringList(stage.config['bases']);
    out.push(`<h2>${indexName(stage)}${bases.length ? ` (bases: ${bases.join(',')})` : ''}</h2>`);
    const fresh = perStage.length === 1 ? names : names.filter((name) => !seen.has(name));
    if (perStage.length > 1) for (const name of fresh) seen.add(name);
    out.push(fresh.map((name) => `<a href="${name}/">${name}</a><br>\n`).join(''));
  }
  out.push('</body></html>');
  return new R(200, out.join(''), HTML_TYPE);
}

export async function simpleListProject(ctx: Ctx, ix: IndexRec, project: string): Promise<Reply> {
  const installer = byInstaller(ctx);
  const asJson = wantsSimpleJson(ctx);
  const links = await simpleLinks(ctx.sim, ix, project, !installer && !asJson);
  if (!links.length && !(await hasProject(ctx.sim, ix, project))) {
    return abort({ ...ctx, accept: ctx.accept.replace('application/json', '') }, 404, `The project ${project} does not exist.`);
  }
  const page = `/${indexName(ix)}/+simple/${project}/`;
  if (asJson) {
    const files = links.map((l) => {
      const f: Record<string, unknown> = { filename: l.key, url: l.externalUrl ?? relpath(page, `/${l.relpath}`), hashes: l.sha256 ? { sha256: l.sha256 } : {} };
      if (l.requiresPython) f['requires-python'] = l.requiresPython;
      return f;
    });
    return new R(200, JSON.stringify({ meta: { 'api-version': '1.0' }, name: project, files }), SIMPLE_JSON_TYPE);
  }
  const title = `${indexName(ix)}: links for ${project}`;
  const out = [`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>\n`];
  if (!installer) {
    const info = await whitelistInfo(ctx.sim, ix, project);
    if (info.hasMirrorBase) {
      const label = isMirror(ix) ? 'Refresh' : 'Refresh PyPI links';
      out.push(`<form action="${ctx.base}/${indexName(ix)}/+simple/${project}/refresh" method="post"><input name="refresh" type="submit" value="${label}"></form>`);
    }
    if (info.blockedBy) {
      out.push(`<p><strong>INFO:</strong> Because this project isn't in the <code>mirror_whitelist</code>, no releases from <strong>${info.blockedBy}</strong> are included.</p>`);
    }
  }
  for (const l of links) {
    const stage = l.relpath.split('/', 2).join('/');
    let attribs = `href="${l.externalUrl ?? relpath(page, `/${l.relpath}`)}${l.sha256 ? `#sha256=${l.sha256}` : ''}"`;
    if (l.requiresPython) attribs += ` data-requires-python="${escapeHtml(l.requiresPython)}"`;
    out.push(`${stage} <a ${attribs}>${l.key}</a><br>\n`);
  }
  out.push('</body></html>');
  return new R(200, out.join(''), HTML_TYPE);
}

export function simpleRefresh(ctx: Ctx, ix: IndexRec, project: string): Reply {
  for (const stage of sro(ctx.sim, ix)) if (isMirror(stage)) clearMirrorProject(stage, project);
  return redirect({ ...ctx, accept: ctx.accept.replace('application/json', '') }, `${ctx.base}/${indexName(ix)}/+simple/${project}/`);
}
