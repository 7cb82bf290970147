import type { RstContext } from './context.js';
import { renderInline } from './inline.js';

const simpleBorder = /^=+( +=+)+ *$/;

/** A simple-table border: runs of `=` separated by spaces, two columns at least. */
export function isSimpleTableBorder(line: string | undefined): boolean {
  return line !== undefined && simpleBorder.test(line);
}

/** Renders an rST simple table (`=== ===` borders) starting at `from`; returns the HTML and next line. */
export function simpleTable(lines: string[], from: number, ctx: RstContext): { html: string; next: number } {
  const border = lines[from] ?? '';
  const columns: Array<[number, number]> = [];
  for (const m of border.matchAll(/=+/g)) columns.push([m.index, m.index + m[0].length]);
  const sections: string[][][] = [[]];
  let j = from + 1;
  for (; j < lines.length; j += 1) {
    const line = lines[j] ?? '';
    if (isSimpleTableBorder(line)) {
      // A border followed by a blank line (or the end) closes the table.
      if (j + 1 >= lines.length || (lines[j + 1] ?? '').trim() === '') { j += 1; break; }
      sections.push([]);
      continue;
    }
    if (line.trim() === '') continue;
    const cells = columns.map(([start, end], k) => line.slice(start, k === columns.length - 1 ? undefined : end).trim());
    const rows = sections[sections.length - 1] ?? [];
    const previous = rows[rows.length - 1];
    // An empty first cell continues the row above, as in docutils.
    if (cells[0] === '' && previous) cells.forEach((c, k) => { previous[k] = `${previous[k] ?? ''} ${c}`.trim(); });
    else rows.push(cells);
  }
  const head = sections.length > 1 ? sections[0] ?? [] : [];
  const body = sections.length > 1 ? sections.slice(1).flat() : sections[0] ?? [];
  const row = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${renderInline(c, ctx)}</${tag}>`).join('')}</tr>`;
  const thead = head.length ? `<thead>${head.map((r) => row(r, 'th')).join('')}</thead>` : '';
  return { html: `<table>${thead}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`, next: j };
}
