import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-table.js';
import { renderRst } from './index.js';

describe('rST parts the corpus does not pin down', () => {
  it('reads CSV quoting: doubled quotes, delimiters inside quotes, blank rows', () => {
    expect(parseCsv('"a ""b""", c\n\n"x, y", 2\n')).toEqual([['a "b"', 'c'], ['x, y', '2']]);
  });

  it('keeps the first title when the document has two top-level sections', () => {
    expect(renderRst('One\n===\n\nx\n\nTwo\n===\n\ny\n')).toBe('<h1>One</h1><p>x</p><h1>Two</h1><p>y</p>');
    expect(renderRst('Only\n====\n\nx\n')).toBe('<p>x</p>');
  });

  it('spans grid cells over rows', () => {
    const html = renderRst('+---+---+\n| a | b |\n+   +---+\n|   | c |\n+---+---+\n');
    expect(html).toBe('<table><tbody><tr><td rowspan="2"><p>a</p></td><td><p>b</p></td></tr><tr><td><p>c</p></td></tr></tbody></table>');
  });
});
