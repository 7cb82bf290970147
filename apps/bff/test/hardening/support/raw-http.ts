/**
 * Sends bytes exactly as given over one TCP connection and collects everything the server answers
 * until it closes. HTTP client libraries normalise `..`, fold headers and refuse to send smuggling
 * payloads, which is precisely what the attack suites need to send.
 */
import net from 'node:net';

export interface RawAnswer {
  /** Every status line seen, in order: a second entry means a second (smuggled) request was answered. */
  statuses: number[];
  text: string;
  /** The first answer's head (lower-cased header names) and body, when there is one. */
  headers: Record<string, string>;
  body: string;
}

function firstAnswer(text: string): { headers: Record<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { headers: {}, body: '' };
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? Number.NaN);
  const rest = text.slice(end + 4);
  return { headers, body: Number.isNaN(length) ? rest : rest.slice(0, length) };
}

export function sendRaw(port: number, bytes: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const parts: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => parts.push(chunk));
    // A server reset after answering is still an answer.
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? socket.destroy() : reject(err)));
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('latin1');
      const statuses = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));
      resolve({ statuses, text, ...firstAnswer(text) });
    });
    // No half-close: Node's server aborts pending requests when the client ends its side. Callers
    // end their bytes with a `Connection: close` request (or a framing error) so the server closes.
    socket.write(bytes);
  });
}

/** Builds a request head with CRLF line ends; `extra` lines are written verbatim. */
export function rawRequest(method: string, target: string, host: string, extra: string[] = [], body = ''): string {
  return [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...extra, '', body].join('\r\n');
}
