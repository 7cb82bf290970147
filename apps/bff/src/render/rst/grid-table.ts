import type { RstContext } from './context.js';
import { dedent } from './lines.js';

type Blocks = (lines: string[], ctx: RstContext) => string;

interface Cell { row: number; col: number; rowspan: number; colspan: number; lines: string[] }

/** True for a grid table's top border (`+----+----+`). */
export function isGridBorder(line: string | undefined): boolean {
  return line !== undefined && /^\+(?:-+\+)+\s*$/.test(line);
}

const at = (grid: string[], y: number, x: number) => grid[y]?.[x] ?? ' ';

/**
 * Finds the cells of a grid table as docutils' GridTableParser does, in a simpler walk: from each
 * free top-left corner, right to the first border going down, then down to the first border going
 * across. Cells spanning columns or rows get colspan/rowspan.
 */
function cellsOf(grid: string[]): { cells: Cell[]; headRows: number; rowCount: number } {
  const rowLines = grid.map((l, y) => (l.startsWith('+') ? y : -1)).filter((y) => y >= 0);
  const colSet = new Set<number>();
  for (const y of rowLines) for (let x = 0; x < (grid[y] ?? '').length; x += 1) if (at(grid, y, x) === '+') colSet.add(x);
  const cols = [...colSet].sort((a, b) => a - b);
  const headLine = grid.findIndex((l) => /^\+(?:=+\+)+$/.test(l));
  const taken = new Set<string>();
  const cells: Cell[] = [];
  rowLines.slice(0, -1).forEach((y, r) => {
    cols.slice(0, -1).forEach((x, c) => {
      if (taken.has(`${r},${c}`) || at(grid, y, x) !== '+' || !/[-=]/.test(at(grid, y, x + 1)) || !/[|+]/.test(at(grid, y + 1, x))) return;
      const right = cols.findIndex((x2) => x2 > x && /[|+]/.test(at(grid, y + 1, x2)));
      const x2 = cols[right];
      if (x2 === undefined) return;
      const bottom = rowLines.findIndex((y2) => y2 > y && at(grid, y2, x) === '+' && /[-=]/.test(at(grid, y2, x + 1)));
      const y2 = rowLines[bottom];
      if (y2 === undefined) return;
      for (let rr = r; rr < bottom; rr += 1) for (let cc = c; cc < right; cc += 1) taken.add(`${rr},${cc}`);
      const lines = grid.slice(y + 1, y2).map((l) => l.slice(x + 1, x2).trimEnd());
      cells.push({ row: r, col: c, rowspan: bottom - r, colspan: right - c, lines: dedent(lines) });
    });
  });
  const headRows = headLine < 0 ? 0 : rowLines.filter((y) => y < headLine).length;
  return { cells, headRows, rowCount: rowLines.length - 1 };
}

/** Renders a grid table starting at `from`; returns the HTML and the next line. */
export function gridTable(lines: string[], from: number, ctx: RstContext, blocks: Blocks): { html: string; next: number } {
  let j = from;
  while (j < lines.length && /^[+|]/.test(lines[j] ?? '')) j += 1;
  const { cells, headRows, rowCount } = cellsOf(lines.slice(from, j));
  const row = (r: number, tag: string) => {
    const html = cells
      .filter((cell) => cell.row === r)
      .sort((a, b) => a.col - b.col)
      .map((cell) => {
        const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
        return `<${tag}${span}>${blocks(cell.lines, ctx)}</${tag}>`;
      })
      .join('');
    return `<tr>${html}</tr>`;
  };
  const rows = Array.from({ length: rowCount }, (_, r) => r);
  const head = rows.filter((r) => r < headRows).map((r) => row(r, 'th')).join('');
  const body = rows.filter((r) => r >= headRows).map((r) => row(r, 'td')).join('');
  return { html: `<table>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`, next: j };
}
