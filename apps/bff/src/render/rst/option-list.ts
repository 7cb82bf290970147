import { escapeHtml } from '../highlight.js';
import type { RstContext } from './context.js';
import { dedent, indentedBlock, isBlank } from './lines.js';

type Blocks = (lines: string[], ctx: RstContext) => string;

// One option: `-o`, `--output`, `/V`, with an argument after a space or `=` (`FILE`, `<file>`).
const option = /(?:--?[A-Za-z0-9][\w-]*|\/[A-Za-z0-9])(?:[ =](?:<[^<>]+>|[A-Za-z0-9][\w.-]*))?/.source;
const optionLine = new RegExp(`^(${option}(?:, ${option})*)(?:  +(\\S.*))?$`);

/** True when the line opens an option list item (`-h, --help  Show the help.`). */
export function isOptionLine(line: string | undefined): boolean {
  return line !== undefined && optionLine.test(line);
}

function renderOption(text: string): string {
  const m = /^([^ =]+)([ =])(.+)$/.exec(text);
  if (!m) return `<span class="rst-option">${escapeHtml(text)}</span>`;
  return `<span class="rst-option">${escapeHtml(`${m[1]}${m[2]}`)}<var>${escapeHtml(m[3] ?? '')}</var></span>`;
}

/** An option list, as docutils' HTML5 writer draws it: `<dl>` with the options in `<kbd>`. */
export function optionList(lines: string[], from: number, ctx: RstContext, blocks: Blocks, compact: (html: string) => string): { html: string; next: number } {
  const items: string[] = [];
  let j = from;
  while (j < lines.length) {
    const m = optionLine.exec(lines[j] ?? '');
    if (!m?.[1]) break;
    const { block, next } = indentedBlock(lines, j + 1, 0);
    const body = [m[2] ?? '', ...dedent(block)];
    const options = m[1].split(', ').map(renderOption).join(', ');
    items.push(`<dt><kbd>${options}</kbd></dt><dd>${compact(blocks(body, ctx))}</dd>`);
    j = next;
    while (j < lines.length && isBlank(lines[j])) j += 1;
  }
  return { html: `<dl class="rst-options">${items.join('')}</dl>`, next: j };
}
