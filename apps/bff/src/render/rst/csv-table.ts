import type { RstContext } from './context.js';
import { renderInline } from './inline.js';

/** Splits CSV text into rows of fields: `"` quotes a field, `""` inside it is one quote. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') { quoted = true; wasQuoted = true; field = ''; }
    else if (ch === delimiter) { row.push(wasQuoted ? field : field.trim()); field = ''; wasQuoted = false; }
    else if (ch === '\n') { row.push(wasQuoted ? field : field.trim()); rows.push(row); row = []; field = ''; wasQuoted = false; }
    else if (!(wasQuoted && ch === ' ')) field += ch;
  }
  if (field !== '' || wasQuoted || row.length > 0) { row.push(wasQuoted ? field : field.trim()); rows.push(row); }
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** The `csv-table` directive: a caption from its argument, header from `:header:` or `:header-rows:`. */
export function csvTable(argument: string, options: Map<string, string>, content: string[], ctx: RstContext): string {
  const delimiter = options.get('delim') === 'tab' ? '\t' : (options.get('delim')?.[0] ?? ',');
  const rows = parseCsv(content.join('\n'), delimiter);
  const headerRows = Number.parseInt(options.get('header-rows') ?? '0', 10) || 0;
  const header = options.has('header') ? parseCsv(options.get('header') ?? '', delimiter) : rows.splice(0, headerRows);
  const row = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${renderInline(c, ctx)}</${tag}>`).join('')}</tr>`;
  const caption = argument ? `<caption>${renderInline(argument, ctx)}</caption>` : '';
  const thead = header.length ? `<thead>${header.map((r) => row(r, 'th')).join('')}</thead>` : '';
  return `<table>${caption}${thead}<tbody>${rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}
