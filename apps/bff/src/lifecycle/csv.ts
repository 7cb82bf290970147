/** One record of a CSV file with the line it starts on (1-based), for messages a user can act on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  errors: string[];
}

/**
 * RFC 4180 as spreadsheets write it: fields separated by commas, records by CRLF or LF; a field
 * in double quotes may hold commas, line breaks and `""` for one quote. Nothing is trimmed (a
 * space is data). A leading UTF-8 byte order mark (Excel's "CSV UTF-8") is dropped. A quote that
 * is never closed, or text after a closing quote, is an error naming its line, not a guess.
 * Blank lines are skipped.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: string[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  while (i < text.length) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      const opened = line;
      i += 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      if (!closed) {
        errors.push(`Line ${opened}: a quoted field is never closed.`);
        return { records, errors };
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        errors.push(`Line ${line}: text follows a closing quote; write "" for a quote inside a quoted field.`);
        return { records, errors };
      }
      atFieldStart = false;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
      line += 1;
      recordLine = line;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, errors };
}
