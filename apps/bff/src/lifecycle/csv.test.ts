import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on CRLF and LF and keeps spaces as data', () => {
    expect(fields('a,b\r\n c ,d\nе,用户\r\n')).toEqual([['a', 'b'], [' c ', 'd'], ['е', '用户']]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, with the line each record starts on', () => {
    const parsed = parseCsv('name,description\r\nalice,"one, two"\r\nbob,"says ""hi""\r\nand more"\r\ncarol,');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toEqual([
      { line: 1, fields: ['name', 'description'] },
      { line: 2, fields: ['alice', 'one, two'] },
      { line: 3, fields: ['bob', 'says "hi"\r\nand more'] },
      { line: 5, fields: ['carol', ''] },
    ]);
  });

  it('drops a byte order mark and skips blank lines', () => {
    expect(fields('\uFEFFname\n\n\r\nbob\n')).toEqual([['name'], ['bob']]);
  });

  it('keeps an empty quoted field and an empty last field', () => {
    expect(fields('"",x,\n')).toEqual([['', 'x', '']]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('name\nalice\n"bob,\nx\n').errors).toEqual(['Line 3: a quoted field is never closed.']);
  });

  it('refuses text after a closing quote instead of guessing', () => {
    expect(parseCsv('a\n"b"c,d\n').errors).toEqual(['Line 2: text follows a closing quote; write "" for a quote inside a quoted field.']);
  });

  it('treats a quote inside an unquoted field as data, as spreadsheets do', () => {
    expect(fields('O"Brien,x\n')).toEqual([['O"Brien', 'x']]);
  });
});
