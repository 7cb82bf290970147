/** Indentation width of a line (tabs already expanded). */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** Removes the common indentation of the non-blank lines. */
export function dedent(lines: string[]): string[] {
  const widths = lines.filter((l) => !isBlank(l)).map(indentOf);
  const min = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => l.slice(min));
}

/** Collects lines from `from` while they are blank or indented deeper than `base`; trailing blanks stay out. */
export function indentedBlock(lines: string[], from: number, base: number): { block: string[]; next: number } {
  let j = from;
  let end = from;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (!isBlank(line) && indentOf(line) <= base) break;
    j += 1;
    if (!isBlank(line)) end = j;
  }
  return { block: lines.slice(from, end), next: end };
}

const punctuation = /^([!-/:-@[-`{-~])\1*$/;

/** An adornment line: one punctuation character repeated (section underlines, transitions). */
export function isAdornment(line: string | undefined): boolean {
  if (line === undefined) return false;
  const t = line.trimEnd();
  return t.length >= 2 && indentOf(t) === 0 && punctuation.test(t);
}
