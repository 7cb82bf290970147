import { indentedBlock, indentOf, isAdornment, isBlank } from './lines.js';
import { isSimpleTableBorder } from './tables.js';

interface Title { at: number; lines: number; style: string }

/** The section title starting at line `i`, if there is one (same tests as blocks.ts's headings). */
function titleAt(lines: string[], i: number): Title | undefined {
  const line = lines[i] ?? '';
  const next = lines[i + 1];
  if (isBlank(line) || indentOf(line) > 0) return undefined;
  if (isAdornment(line) && !isBlank(next) && isAdornment(lines[i + 2]) && (lines[i + 2] ?? '').trim() === line.trim()) {
    return { at: i, lines: 3, style: `over${line[0]}` };
  }
  if (!isAdornment(line) && !isBlank(next) && isAdornment(next) && !isSimpleTableBorder(next)) {
    const underline = (next ?? '').trim();
    if (underline.length >= Math.min(line.trim().length, 4)) return { at: i, lines: 2, style: `under${underline[0]}` };
  }
  return undefined;
}

/** Comments, targets and substitution definitions: not directives (`.. name::`), footnotes or citations. */
function isPreBibliographic(line: string): boolean {
  return line === '..' || (line.startsWith('.. ') && !/^\.\.\s+[\w:.+-]+::/.test(line) && !line.startsWith('.. ['));
}

/** First line that is not blank and not a comment, target or substitution definition. */
function firstBodyLine(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) i += 1;
    else if (isPreBibliographic(line)) i = indentedBlock(lines, i + 1, 0).next;
    else break;
  }
  return i;
}

/**
 * docutils' DocTitle transform, which readme_renderer (so PyPI) applies: when the whole document is
 * one section, that section's title becomes the document title and is not part of the rendered body;
 * when what remains is again one section, its title becomes the subtitle, also not shown. The title
 * lines are removed here so the body renders as readme_renderer's does.
 */
export function withoutDocTitle(lines: string[]): string[] {
  let body = lines;
  for (let round = 0; round < 2; round += 1) {
    const first = titleAt(body, firstBodyLine(body, 0));
    if (!first) break;
    let others = 0;
    for (let i = first.at + first.lines; i < body.length; i += 1) {
      const title = titleAt(body, i);
      if (title?.style === first.style) others += 1;
      if (title) i += title.lines - 1;
    }
    if (others > 0) break;
    body = [...body.slice(0, first.at), ...body.slice(first.at + first.lines)];
  }
  return body;
}
