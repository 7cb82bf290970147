import { escapeHtml, highlightBlock } from '../highlight.js';
import type { RstContext } from './context.js';
import { csvTable } from './csv-table.js';
import { renderInline } from './inline.js';
import { dedent, isBlank } from './lines.js';

export type BlockRenderer = (lines: string[], ctx: RstContext) => string;

interface Directive {
  name: string;
  argument: string;
  options: Map<string, string>;
  content: string[];
}

const admonitions = new Set(['note', 'warning', 'tip', 'important', 'caution', 'attention', 'danger', 'error', 'hint', 'seealso']);
const codeDirectives = new Set(['code', 'code-block', 'sourcecode', 'highlight']);
// readme_renderer turns off `raw` and `include` (file insertion) for uploaded descriptions; so do we.
// `contents` would build a table of contents of this page, which the dashboard already does not need.
const dropped = new Set(['raw', 'include', 'contents', 'meta', 'title', 'sectnum', 'header', 'footer', 'target-notes', 'highlight', 'default-role', 'role', 'toctree', 'only']);

/** Splits a directive block (`.. name:: argument`, `:option:` lines, content) into its parts. */
export function parseDirective(first: string, body: string[]): Directive | undefined {
  const m = /^\.\.\s+([\w:.+-]+)::\s*(.*)$/.exec(first);
  if (!m?.[1]) return undefined;
  const block = dedent(body);
  const options = new Map<string, string>();
  const argument = [m[2] ?? ''];
  let i = 0;
  // The argument may continue on the lines before the options.
  while (i < block.length && !isBlank(block[i]) && !/^:[\w-]+:/.test(block[i] ?? '')) {
    argument.push((block[i] ?? '').trim());
    i += 1;
  }
  for (; i < block.length; i += 1) {
    const opt = /^:([\w-]+):\s*(.*)$/.exec(block[i] ?? '');
    if (!opt?.[1]) break;
    options.set(opt[1], (opt[2] ?? '').trim());
  }
  while (i < block.length && isBlank(block[i])) i += 1;
  return { name: m[1].toLowerCase(), argument: argument.join(' ').trim(), options, content: block.slice(i) };
}

function image(d: Directive): string {
  const alt = d.options.get('alt') ?? '';
  const width = d.options.get('width');
  const size = width && /^\d+(px)?$/.test(width) ? ` width="${Number.parseInt(width, 10)}"` : '';
  const img = `<img src="${escapeHtml(d.argument)}" alt="${escapeHtml(alt)}"${size}>`;
  const target = d.options.get('target');
  return target ? `<a href="${escapeHtml(target)}">${img}</a>` : img;
}

/** Renders one directive; unknown directives show their content as a literal block rather than vanish. */
export function renderDirective(d: Directive, ctx: RstContext, blocks: BlockRenderer): string {
  if (dropped.has(d.name)) return '';
  if (codeDirectives.has(d.name)) return highlightBlock(d.content.join('\n'), d.argument || d.options.get('language'));
  if (d.name === 'image') return `<p>${image(d)}</p>`;
  if (d.name === 'figure') {
    const caption = d.content.length ? `<figcaption>${blocks(d.content, ctx)}</figcaption>` : '';
    return `<figure>${image(d)}${caption}</figure>`;
  }
  if (admonitions.has(d.name) || d.name === 'admonition') {
    const title = d.name === 'admonition' ? d.argument : d.name === 'seealso' ? 'See also' : d.name[0]?.toUpperCase() + d.name.slice(1);
    const body = d.name === 'admonition' || !d.argument ? d.content : [d.argument, ...d.content];
    return `<div class="admonition admonition-${d.name}"><p class="admonition-title">${escapeHtml(title)}</p>${blocks(body, ctx)}</div>`;
  }
  if (d.name === 'csv-table') return csvTable(d.argument, d.options, d.content, ctx);
  if (d.name === 'parsed-literal') return `<pre>${renderInline(d.content.join('\n'), ctx)}</pre>`;
  if (d.name === 'topic' || d.name === 'sidebar' || d.name === 'rubric') {
    return `<div class="rst-${d.name}"><p><strong>${renderInline(d.argument, ctx)}</strong></p>${blocks(d.content, ctx)}</div>`;
  }
  if (d.name === 'epigraph' || d.name === 'highlights' || d.name === 'pull-quote') return `<blockquote>${blocks(d.content, ctx)}</blockquote>`;
  if (d.name === 'container' || d.name === 'compound' || d.name === 'class') return blocks(d.content, ctx);
  return d.content.length ? `<pre>${escapeHtml(d.content.join('\n'))}</pre>` : '';
}
