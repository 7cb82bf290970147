import { escapeHtml, highlightBlock } from '../highlight.js';
import type { RstContext } from './context.js';
import { parseDirective, renderDirective } from './directives.js';
import { noteLabel } from './footnotes.js';
import { gridTable, isGridBorder } from './grid-table.js';
import { renderInline } from './inline.js';
import { isOptionLine, optionList } from './option-list.js';
import { dedent, indentedBlock, indentOf, isAdornment, isBlank } from './lines.js';
import { isSimpleTableBorder, simpleTable } from './tables.js';

type Step = { html: string; next: number };

const bullet = /^([-*+•‣⁃])(\s+|$)/;
const enumerated = /^(?:(\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]|\((\d+|#|[a-zA-Z])\))(\s+|$)/;
const field = /^:([^:\s][^:]*):(\s+|$)/;

function heading(title: string, style: string, ctx: RstContext): string {
  if (!ctx.titleStyles.includes(style)) ctx.titleStyles.push(style);
  const level = Math.min(ctx.titleStyles.indexOf(style) + 1, 6);
  return `<h${level}>${renderInline(title.trim(), ctx)}</h${level}>`;
}

// A single paragraph inside a list item renders without its <p>, as docutils does for simple lists.
function compact(html: string): string {
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m?.[1] !== undefined && !m[1].includes('<p>') ? m[1] : html;
}

function list(lines: string[], from: number, marker: RegExp, ctx: RstContext): Step & { start: string } {
  const items: string[] = [];
  let j = from;
  let start = '';
  while (j < lines.length) {
    const line = lines[j] ?? '';
    const m = marker.exec(line);
    if (!m || indentOf(line) !== 0) break;
    if (j === from) start = m[1] ?? m[2] ?? '';
    const width = m[0].length;
    const { block, next } = indentedBlock(lines, j + 1, Math.max(width - 1, 0));
    const body = [line.slice(width), ...dedent(block)];
    items.push(`<li>${compact(renderBlocks(body, ctx))}</li>`);
    j = next;
    while (j < lines.length && isBlank(lines[j])) j += 1;
  }
  return { html: items.join(''), next: j, start };
}

function fieldList(lines: string[], from: number, ctx: RstContext): Step {
  const rows: string[] = [];
  let j = from;
  while (j < lines.length) {
    const m = field.exec(lines[j] ?? '');
    if (!m?.[1]) break;
    const { block, next } = indentedBlock(lines, j + 1, 0);
    const body = [(lines[j] ?? '').slice(m[0].length), ...dedent(block)];
    rows.push(`<dt>${renderInline(m[1], ctx)}:</dt><dd>${compact(renderBlocks(body, ctx))}</dd>`);
    j = next;
    while (j < lines.length && isBlank(lines[j])) j += 1;
  }
  // A definition list, as docutils' HTML5 writer has it (and PyPI shows it).
  return { html: `<dl class="rst-fields">${rows.join('')}</dl>`, next: j };
}

function isTerm(line: string | undefined): boolean {
  if (line === undefined || isBlank(line) || indentOf(line) > 0) return false;
  return !line.startsWith('.. ') && !bullet.test(line) && !enumerated.test(line) && !field.test(line) && !isOptionLine(line);
}

function definitionList(lines: string[], from: number, ctx: RstContext): Step {
  const parts: string[] = [];
  let j = from;
  while (j < lines.length && isTerm(lines[j]) && indentOf(lines[j + 1] ?? '') > 0 && !isBlank(lines[j + 1])) {
    const [term, ...classifiers] = (lines[j] ?? '').split(' : ');
    const { block, next } = indentedBlock(lines, j + 1, 0);
    const extra = classifiers.length ? ` : ${escapeHtml(classifiers.join(' : '))}` : '';
    parts.push(`<dt>${renderInline(term ?? '', ctx)}${extra}</dt><dd>${renderBlocks(dedent(block), ctx)}</dd>`);
    j = next;
    while (j < lines.length && isBlank(lines[j])) j += 1;
  }
  return { html: `<dl>${parts.join('')}</dl>`, next: j };
}

function explicit(lines: string[], from: number, ctx: RstContext): Step {
  const first = lines[from] ?? '';
  const { block, next } = indentedBlock(lines, from + 1, 0);
  // Targets and substitutions were collected up front; comments show nothing.
  if (/^\.\. (_|__:|\|)/.test(first)) return { html: '', next };
  const footnote = /^\.\. \[([^\]]+)\]\s*(.*)$/.exec(first);
  if (footnote) {
    const body = [footnote[2] ?? '', ...dedent(block)];
    const label = noteLabel(footnote[1] ?? '', ctx.notes, escapeHtml) ?? `<span class="rst-label">[${escapeHtml(footnote[1] ?? '')}]</span>`;
    return { html: `<div class="rst-footnote">${label}${renderBlocks(body, ctx)}</div>`, next };
  }
  const directive = parseDirective(first, block);
  return { html: directive ? renderDirective(directive, ctx, renderBlocks) : '', next };
}

function literalAfter(lines: string[], from: number): Step {
  let j = from;
  while (j < lines.length && isBlank(lines[j])) j += 1;
  const { block, next } = indentedBlock(lines, j, 0);
  if (block.length === 0) {
    // A quoted literal block: unindented lines starting with the same quote character.
    const q = (lines[j] ?? '')[0];
    let k = j;
    while (q && /[!-/:-@[-`{-~]/.test(q) && k < lines.length && (lines[k] ?? '')[0] === q) k += 1;
    return k > j ? { html: `<pre>${escapeHtml(lines.slice(j, k).join('\n'))}</pre>`, next: k } : { html: '', next: j };
  }
  return { html: `<pre>${escapeHtml(dedent(block).join('\n'))}</pre>`, next };
}

function paragraph(lines: string[], from: number, ctx: RstContext): Step {
  let j = from;
  while (j < lines.length && !isBlank(lines[j]) && indentOf(lines[j] ?? '') === 0) j += 1;
  let text = lines.slice(from, j).join('\n');
  const literal = /::\s*$/.test(text);
  if (literal) text = text.replace(/\s*::\s*$/, (m) => (/^\s/.test(m) || text.trim() === '::' ? '' : ':'));
  const html = text.trim() ? `<p>${renderInline(text, ctx)}</p>` : '';
  if (!literal) return { html, next: j };
  const lit = literalAfter(lines, j);
  return { html: html + lit.html, next: lit.next };
}

function block(lines: string[], i: number, ctx: RstContext): Step {
  const line = lines[i] ?? '';
  const nextLine = lines[i + 1];
  if (indentOf(line) > 0) {
    const { block: quoted, next } = indentedBlock(lines, i, 0);
    return { html: `<blockquote>${renderBlocks(dedent(quoted), ctx)}</blockquote>`, next };
  }
  if (isAdornment(line) && !isBlank(nextLine) && isAdornment(lines[i + 2]) && (lines[i + 2] ?? '').trim() === line.trim()) {
    return { html: heading(nextLine ?? '', `over${line[0]}`, ctx), next: i + 3 };
  }
  if (isAdornment(line) && line.trim().length >= 4 && isBlank(nextLine) && !isSimpleTableBorder(line)) return { html: '<hr>', next: i + 1 };
  if (!isBlank(nextLine) && isAdornment(nextLine) && !isSimpleTableBorder(nextLine)) {
    const underline = (nextLine ?? '').trim();
    if (underline.length >= Math.min(line.trim().length, 4)) return { html: heading(line, `under${underline[0]}`, ctx), next: i + 2 };
  }
  if (line.startsWith('..') && (line === '..' || line.startsWith('.. '))) return explicit(lines, i, ctx);
  if (isSimpleTableBorder(line)) return simpleTable(lines, i, ctx);
  if (isGridBorder(line)) return gridTable(lines, i, ctx, renderBlocks);
  if (line.startsWith('>>> ')) {
    let j = i;
    while (j < lines.length && !isBlank(lines[j])) j += 1;
    return { html: highlightBlock(lines.slice(i, j).join('\n'), 'python'), next: j };
  }
  if (line.startsWith('| ') || line === '|') {
    let j = i;
    while (j < lines.length && /^\|( |$)/.test(lines[j] ?? '')) j += 1;
    const html = lines.slice(i, j).map((l) => renderInline(l.slice(2), ctx)).join('<br>');
    return { html: `<div class="rst-line-block">${html}</div>`, next: j };
  }
  if (bullet.test(line)) {
    const marker = new RegExp(`^\\${line[0]}(\\s+|$)`);
    const { html, next } = list(lines, i, marker, ctx);
    return { html: `<ul>${html}</ul>`, next };
  }
  if (enumerated.test(line) && (isBlank(nextLine) || indentOf(nextLine ?? '') > 0 || enumerated.test(nextLine ?? ''))) {
    const { html, next, start } = list(lines, i, enumerated, ctx);
    const n = Number.parseInt(start, 10);
    const attr = Number.isFinite(n) && n !== 1 ? ` start="${n}"` : /^[a-z]$/.test(start) ? ' type="a"' : /^[A-Z]$/.test(start) ? ' type="A"' : '';
    return { html: `<ol${attr}>${html}</ol>`, next };
  }
  if (field.test(line)) return fieldList(lines, i, ctx);
  if (isOptionLine(line)) return optionList(lines, i, ctx, renderBlocks, compact);
  if (isTerm(line) && !isBlank(nextLine) && indentOf(nextLine ?? '') > 0) return definitionList(lines, i, ctx);
  return paragraph(lines, i, ctx);
}

/** Renders a run of rST body lines (tabs expanded, no trailing whitespace) to HTML. */
export function renderBlocks(lines: string[], ctx: RstContext): string {
  let html = '';
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) { i += 1; continue; }
    const step = block(lines, i, ctx);
    html += step.html;
    // Every block consumes at least one line, so a malformed document can never loop forever.
    i = Math.max(step.next, i + 1);
  }
  return html;
}
