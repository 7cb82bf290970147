/**
 * Incremental scanner for the client side of an HTTP/1.1 connection. The fault proxy feeds it the
 * raw bytes the BFF sends towards devpi and learns where each request starts and ends, so it can
 * decide per request (not per connection: the BFF keeps connections alive) what devpi "does", and
 * log exactly what would have reached devpi.
 */

export interface ScannedHead {
  method: string;
  target: string;
  /** Header names lower-cased; repeated headers keep every value. */
  headers: Record<string, string[]>;
  rawHead: string;
}

export type ScanEvent =
  | { kind: 'head'; head: ScannedHead; bytes: Buffer }
  | { kind: 'body'; bytes: Buffer }
  | { kind: 'end' };

type State =
  | { at: 'head' }
  | { at: 'length'; left: number }
  | { at: 'chunk-size' }
  | { at: 'chunk-data'; left: number }
  | { at: 'chunk-crlf' }
  | { at: 'trailer' };

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
/** A head longer than this is not something the BFF would ever send; stop scanning. */
const MAX_HEAD = 256 * 1024;

function parseHead(raw: string): ScannedHead {
  const lines = raw.split('\r\n');
  const [method = '', target = ''] = (lines[0] ?? '').split(' ');
  const headers: Record<string, string[]> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return { method, target, headers, rawHead: raw };
}

export class HttpRequestScanner {
  private buf: Buffer = Buffer.alloc(0);
  private state: State = { at: 'head' };

  /** Feeds bytes and returns what they contained, in order. */
  push(chunk: Buffer): ScanEvent[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: ScanEvent[] = [];
    for (;;) {
      const progressed = this.step(out);
      if (!progressed) break;
    }
    return out;
  }

  private take(n: number): Buffer {
    const part = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return part;
  }

  private step(out: ScanEvent[]): boolean {
    const s = this.state;
    switch (s.at) {
      case 'head': {
        const end = this.buf.indexOf(HEAD_END);
        if (end < 0) {
          if (this.buf.length > MAX_HEAD) throw new Error('request head too large to scan');
          return false;
        }
        const bytes = this.take(end + HEAD_END.length);
        const head = parseHead(bytes.subarray(0, end).toString('latin1'));
        out.push({ kind: 'head', head, bytes });
        const te = (head.headers['transfer-encoding'] ?? []).join(',').toLowerCase();
        const cl = Number((head.headers['content-length'] ?? ['0'])[0]);
        if (te.includes('chunked')) this.state = { at: 'chunk-size' };
        else if (cl > 0) this.state = { at: 'length', left: cl };
        else out.push({ kind: 'end' });
        return true;
      }
      case 'length': {
        if (this.buf.length === 0) return false;
        const bytes = this.take(Math.min(s.left, this.buf.length));
        out.push({ kind: 'body', bytes });
        const left = s.left - bytes.length;
        if (left === 0) {
          this.state = { at: 'head' };
          out.push({ kind: 'end' });
        } else this.state = { at: 'length', left };
        return true;
      }
      case 'chunk-size': {
        const eol = this.buf.indexOf(CRLF);
        if (eol < 0) return false;
        const bytes = this.take(eol + 2);
        const size = parseInt(bytes.toString('latin1').split(';')[0] ?? '', 16);
        out.push({ kind: 'body', bytes });
        this.state = size > 0 ? { at: 'chunk-data', left: size } : { at: 'trailer' };
        return true;
      }
      case 'chunk-data': {
        if (this.buf.length === 0) return false;
        const bytes = this.take(Math.min(s.left, this.buf.length));
        out.push({ kind: 'body', bytes });
        const left = s.left - bytes.length;
        this.state = left === 0 ? { at: 'chunk-crlf' } : { at: 'chunk-data', left };
        return true;
      }
      case 'chunk-crlf': {
        if (this.buf.length < 2) return false;
        out.push({ kind: 'body', bytes: this.take(2) });
        this.state = { at: 'chunk-size' };
        return true;
      }
      case 'trailer': {
        const eol = this.buf.indexOf(CRLF);
        if (eol < 0) return false;
        const bytes = this.take(eol + 2);
        out.push({ kind: 'body', bytes });
        // An empty line ends the trailer section and with it the request.
        if (eol === 0) {
          this.state = { at: 'head' };
          out.push({ kind: 'end' });
        }
        return true;
      }
    }
  }
}
