// devpi-web's pages for people: index overview, user, index, project, version, docs and status.
import type { Ctx } from './http.js';
import { escapeHtml as e } from './html-escape.js';
import { webPage } from './html-layout.js';
import type { FileLink, IndexRec, JsonObject, JsonValue } from './model.js';
import { indexName, isMirror, stringList } from './model.js';
import { compareVersions, latestVersion } from './names.js';
import { renderDescription } from './render-description.js';
import { listVersions, mergeableStages, whitelistInfo } from './stage-ops.js';

function indexTitle(ix: IndexRec): string {
  const title = ix.config['title'];
  return typeof title === 'string' && title ? ` <span>${e(title)}</span>` : '';
}

export function rootPage(ctx: Ctx): string {
  const users = [...ctx.sim.store.users.values()].sort((a, b) => a.username.localeCompare(b.username));
  const dls = users.map((u) => {
    const title = typeof u.fields['title'] === 'string' ? ` <span>${e(u.fields['title'])}</span>` : ' ';
    const items = [...u.indexes.values()].sort((a, b) => a.name.localeCompare(b.name))
      .map((ix) => `                    <li>\n                        <a href="${ctx.base}/${indexName(ix)}">\n                            ${indexName(ix)}${indexTitle(ix) || ' '}\n                        </a>\n                    </li>`);
    const dd = items.length ? `\n            <dd>\n                <ul>\n${items.join('\n')}\n                </ul>\n            </dd>` : '';
    return `        <dl>\n            <dt>\n                <a href="${ctx.base}/${u.username}">\n                    ${u.username}${title}\n                </a>\n            </dt>\n            ${dd}\n        </dl>`;
  });
  return webPage({ base: ctx.base, title: 'devpi', crumbs: {}, body: `        <div id="content">\n        \n        <div class="user_index_list">\n${dls.join('\n')}\n        </div>\n        \n        </div>` });
}

export function userPage(ctx: Ctx, username: string): string {
  const u = ctx.sim.store.users.get(username);
  const items = [...(u?.indexes.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name))
    .map((ix) => `<li><a href="${ctx.base}/${indexName(ix)}">${indexName(ix)}${indexTitle(ix)}</a></li>`);
  const title = u && typeof u.fields['title'] === 'string' ? ` <span>${e(u.fields['title'])}</span>` : '';
  return webPage({
    base: ctx.base, title: 'devpi', crumbs: { user: username },
    body: `        <div id="content">\n            <div class="user_index_list">\n                <dl>\n                    <dt>\n                        ${username}${title}\n                    </dt>\n                    <dd><ul>${items.join('\n')}</ul></dd>\n                </dl>\n            </div>\n        </div>`,
  });
}

function fileLink(ctx: Ctx, l: FileLink): string {
  return `<a href="${ctx.base}/${l.relpath}#sha256=${l.sha256}">${e(l.basename)}</a>`;
}

function docCell(ctx: Ctx, ix: IndexRec, project: string, version: string, links: FileLink[]): string {
  const doc = links.find((l) => l.rel === 'doczip');
  if (!doc) return '';
  return `<a href="${ctx.base}/${indexName(ix)}/${project}/${version}/+d/index.html">${project}-${version}</a>\n                    <span>(<a href="${ctx.base}/${doc.relpath}">Download</a>)</span>`;
}

function sortedFiles(links: FileLink[]): FileLink[] {
  return links.filter((l) => l.rel === 'releasefile').sort((a, b) => (a.basename < b.basename ? -1 : 1));
}

export function indexPage(ctx: Ctx, ix: IndexRec): string {
  const rows: string[] = [];
  for (const [name, proj] of [...ix.projects].sort(([a], [b]) => a.localeCompare(b))) {
    const latest = latestVersion(proj.versions.keys());
    const rec = latest === undefined ? undefined : proj.versions.get(latest);
    if (!rec || latest === undefined) continue;
    rows.push(`            <tr>\n                <td><a href="${ctx.base}/${indexName(ix)}/${name}/${latest}">${name}-${latest}</a></td>\n                <td>${sortedFiles(rec.links).map((l) => fileLink(ctx, l)).join('<br />')}</td>\n                <td>${docCell(ctx, ix, name, latest, rec.links)}</td>\n            </tr>`);
  }
  const perms = (key: string, label: string): string => {
    const list = stringList(ix.config[key]);
    const users = list.filter((p) => !p.startsWith(':'));
    const special = list.filter((p) => p.startsWith(':')).map((p) => p.replace(/:/g, ''));
    return `<dl class="permissions"><dt>${label}</dt>${users.length ? `<dd>Users: ${users.map((u) => `<span>${e(u)}</span>`).join(' ')}</dd>` : ''}${special.length ? `<dd>Special: ${special.map((s) => `<span>${e(s)}</span>`).join(' ')}</dd>` : ''}</dl>`;
  };
  const bases = stringList(ix.config['bases'])
    .map((b) => `<li><a href="${ctx.base}/${b}">${b}</a> (<a href="${ctx.base}/${b}/+simple/">simple</a>)</li>`);
  const whitelist = stringList(ix.config['mirror_whitelist']).map((w) => `<li>${e(w)}</li>`);
  const stageParts = isMirror(ix) ? '' : `
        <h2>in-stage latest packages, at least as recent as bases</h2>
        <table class="packages"><thead><tr><th>Info page</th><th>Releases</th><th>Documentation</th></tr></thead><tbody>
${rows.join('\n')}
            </tbody></table>
            <h2>permissions</h2>
            ${perms('acl_toxresult_upload', 'toxresult_upload')}
            ${perms('acl_upload', 'upload')}
        ${bases.length ? `<h2>inherited bases</h2>\n        <ul>${bases.join('\n')}</ul>` : ''}
        ${whitelist.length ? `<h2>whitelisted packages</h2>\n        <ul class="whitelist">${whitelist.join('\n')}</ul>` : ''}`;
  return webPage({
    base: ctx.base, title: `${indexName(ix)} index`, crumbs: { user: ix.user, index: ix.name },
    body: `        <div id="content">
        <h1 class="index_title">
            ${indexName(ix)}${indexTitle(ix)} index
        </h1>

        <ul>
            <li><a href="${ctx.base}/${indexName(ix)}/+simple/">simple index</a></li>
        </ul>
${stageParts}
        </div>`,
  });
}

async function infoNote(ctx: Ctx, ix: IndexRec, project: string): Promise<string> {
  const info = await whitelistInfo(ctx.sim, ix, project);
  if (!info.blockedBy) return '';
  return `<p class="infonote">\n            Because this project isn't in the <code>mirror_whitelist</code>,\n            no releases from <strong>${info.blockedBy}</strong> are included.\n        </p>`;
}

/** The index in the resolution order that holds `version` of `project` with its metadata (mirrors hold none). */
export async function owningStage(ctx: Ctx, ix: IndexRec, project: string, version: string): Promise<IndexRec | undefined> {
  for (const stage of await mergeableStages(ctx.sim, ix, project)) {
    if (!isMirror(stage) && stage.projects.get(project)?.versions.has(version)) return stage;
  }
  return undefined;
}

export async function projectPage(ctx: Ctx, ix: IndexRec, project: string): Promise<string> {
  const versions = (await listVersions(ctx.sim, ix, project, false)).sort((a, b) => compareVersions(b, a));
  const latest = latestVersion(versions);
  const rows: string[] = [];
  let summary: JsonValue | undefined;
  for (const v of versions) {
    const owner = (await owningStage(ctx, ix, project, v)) ?? ix;
    const rec = owner.projects.get(project)?.versions.get(v);
    if (v === latest) summary = rec?.metadata['summary'];
    rows.push(`                <tr>\n                    <td><a href="${ctx.base}/${indexName(owner)}">${indexName(owner)}</a></td>\n                    <td><a href="${ctx.base}/${indexName(owner)}/${project}/${v}">${v}</a></td>\n                    <td>${docCell(ctx, owner, project, v, rec?.links ?? [])}</td>\n                </tr>`);
  }
  return webPage({
    base: ctx.base, title: `${indexName(ix)}/: ${project} versions`, crumbs: { user: ix.user, index: ix.name, project },
    body: `        <div id="content">
        <h1>${indexName(ix)}/: ${project} versions</h1>
        <p class="projectnavigation">
            <span><a href="${ctx.base}/${indexName(ix)}/+simple/${project}">Simple index</a></span>
        </p>
        ${await infoNote(ctx, ix, project)}
        ${latest ? `<p>Latest version on stage is: <a href="${ctx.base}/${indexName(ix)}/${project}/latest">${latest}</a></p>` : ''}
        ${typeof summary === 'string' && summary ? `<p>${e(summary)}</p>` : ''}
        <table class="versions"><thead><tr><th>Index</th><th>Version</th><th>Documentation</th></tr></thead><tbody>
${rows.join('\n')}
            </tbody></table>
        </div>`,
  });
}

/** devpi-web's sizeof_fmt: `1 KB`, `500 bytes`. */
function sizeText(bytes: number): string {
  let n = bytes;
  for (const unit of ['bytes', 'KB', 'MB', 'GB']) {
    if (n < 1024) return `${Math.round(n)} ${unit}`;
    n /= 1024;
  }
  return `${Math.round(n)} TB`;
}

function fileFacts(ctx: Ctx, l: FileLink): string {
  const file = ctx.sim.store.files.get(l.relpath);
  const facts: string[] = [];
  if (file) facts.push(`<dt>Size</dt><dd>${sizeText(file.content.length)}</dd>`);
  if (l.basename.endsWith('.whl')) {
    const pyTag = l.basename.slice(0, -4).split('-').at(-3) ?? '';
    facts.push('<dt>Type</dt><dd>Python Wheel</dd>');
    if (pyTag) facts.push(`<dt>Python</dt><dd>${e(pyTag.replace(/^py/, ''))}</dd>`);
  } else if (l.basename.endsWith('.egg')) facts.push('<dt>Type</dt><dd>Python Egg</dd>');
  else facts.push('<dt>Type</dt><dd>Source</dd>');
  return `<dl>${facts.join('')}</dl>`;
}

const INFO_KEYS = ['author', 'author_email', 'license', 'metadata_version', 'requires_python', 'keywords', 'maintainer', 'maintainer_email', 'platform', 'requires_dist'];

export async function versionPage(ctx: Ctx, ix: IndexRec, project: string, version: string, meta: JsonObject, links: FileLink[]): Promise<string> {
  const doc = links.find((l) => l.rel === 'doczip');
  const nav: string[] = [];
  if (doc) nav.push(`<span><a href="${ctx.base}/${indexName(ix)}/${project}/${version}/+d/index.html">Documentation</a></span>`);
  if (typeof meta['home_page'] === 'string' && meta['home_page']) nav.push(`<span><a href="${e(meta['home_page'])}">Homepage</a></span>`);
  nav.push(`<span><a href="${ctx.base}/${indexName(ix)}/+simple/${project}">Simple index</a></span>`);
  const shown = (k: string): string => {
    const v = meta[k];
    return Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v);
  };
  const infos = INFO_KEYS.filter((k) => shown(k) !== '')
    .map((k) => `            <tr class="${k}">\n                <td class="key">${k}</td>\n                <td class="value">${e(shown(k))}</td>\n            </tr>`);
  const files = sortedFiles(links).map((l) => {
    const history = l.log.map((entry) => `<li>${entry.what === 'push' ? 'Pushed' : 'Uploaded'} to <a href="${ctx.base}/${entry.dst ?? indexName(ix)}">${entry.dst ?? indexName(ix)}</a>${entry.who ? ` by ${e(entry.who)}` : ''} <span class="timestamp">${entry.when.join('-')}</span></li>`);
    return `<tr><td title="sha256=${l.sha256}">${fileLink(ctx, l)}${fileFacts(ctx, l)}</td><td class="toxresults"></td><td><ul class="file_history">${history.join('')}</ul></td></tr>`;
  });
  const description = typeof meta['description'] === 'string' && meta['description']
    ? renderDescription(meta['description'], String(meta['description_content_type'] ?? ''))
    : '<p>No description in metadata</p>';
  return webPage({
    base: ctx.base, title: `${indexName(ix)}/: ${project}-${version} metadata and description`, crumbs: { user: ix.user, index: ix.name, project, version },
    body: `        <div id="content">
        <h1>${indexName(ix)}/: ${project}-${version} metadata and description</h1>
        <p class="projectnavigation">
            ${nav.join('\n            ')}
        </p>
        <p id="summary">${e(String(meta['summary'] ?? ''))}</p>
        <table class="projectinfos">
${infos.join('\n')}
        </table>
        ${await infoNote(ctx, ix, project)}
        <table class="files"><thead><tr><th>File</th><th class="toxresults">Tox results</th><th>History</th></tr></thead><tbody>
${files.join('\n')}
        </tbody></table>
        ${doc ? `<p>\n            Download documentation as zip-file: <a href="${ctx.base}/${doc.relpath}">${project}-${version}</a>\n        </p>` : ''}
        <div id="description">${description}</div>
        </div>`,
  });
}

export function docFramePage(ctx: Ctx, ix: IndexRec, project: string, version: string, path: string): string {
  const prefix = `${ctx.base}/${indexName(ix)}/${project}/${version}`;
  return webPage({
    base: ctx.base, title: `${project}-${version} Documentation`, crumbs: { user: ix.user, index: ix.name, project, version }, headScripts: ['docview.js'],
    scripts: `\n        <script type="text/javascript">\n        //<![CDATA[\n            $('iframe#devpi-doc').on('load', onIFrameLoad);\n        //]]>\n        </script>`,
    body: `        <div class="iframe">\n            <iframe\n                id="devpi-doc"\n                src="${prefix}/+doc/${path}" data-base_url="${prefix}/+doc/" data-baseview_url="${prefix}/+d/"\n                scrolling="no">\n            </iframe>\n        </div>`,
  });
}

export function statusPage(ctx: Ctx): string {
  const store = ctx.sim.store;
  const ts = new Date(store.lastCommitMs).toISOString().replace('T', ' ').slice(0, 19);
  return webPage({
    base: ctx.base, title: 'Status', crumbs: {},
    body: `        <div id="content">
        <h1>Status</h1>
        <h2>Info</h2>
        <table class="status">
            <tr><th>UUID</th><td>${store.uuid}</td></tr>
            <tr><th>Outside URL</th><td>${e(ctx.sim.options.outsideUrl ?? '')}</td></tr>
            <tr><th>Role</th><td>MASTER</td></tr>
            <tr><th>Current serial</th><td>${store.serial}<br />last time changed <span class="timestamp">${ts}</span><br /></td></tr>
            <tr><th>Processed events serial</th><td>${store.serial}<br />last time processed <span class="timestamp">${ts}</span><br />last in sync <span class="timestamp">${ts}</span></td></tr>
        </table>
        </div>`,
  });
}
