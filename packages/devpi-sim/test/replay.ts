// Turning a recorded request into a real one, and reading the parts of a response the contract compares.
import type { Json, MultipartPart, Transcript } from './transcripts.js';
import { RECORDED_ORIGIN, asMultipart } from './transcripts.js';

function multipartBody(parts: MultipartPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('base64' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.content_type}\r\n\r\n`));
      chunks.push(Buffer.from(p.base64, 'base64'), Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The request of a transcript against `origin`, with recorded tokens swapped for the replay's own. */
export function buildRequest(t: Transcript, origin: string, tokens: Map<string, string>): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { ...t.request.headers };
  const auth = headers['X-Devpi-Auth'];
  if (auth) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const secret = decoded.slice(colon + 1);
    const mapped = tokens.get(secret);
    if (mapped) headers['X-Devpi-Auth'] = Buffer.from(`${decoded.slice(0, colon)}:${mapped}`).toString('base64');
  }
  let body: Buffer | string | undefined;
  const recorded: Json = t.request.body;
  const parts = asMultipart(recorded);
  if (parts) {
    const boundary = /boundary=([^;]+)/.exec(headers['Content-Type'] ?? '')?.[1] ?? 'devpiTranscriptBoundary';
    body = multipartBody(parts, boundary);
  } else if (typeof recorded === 'string') body = recorded;
  else if (recorded !== null) body = JSON.stringify(recorded).split(RECORDED_ORIGIN).join(origin);
  return { url: `${origin}${t.request.path}`, init: { method: t.request.method, headers, body, redirect: 'manual' } };
}
