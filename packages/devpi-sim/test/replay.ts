// Turning a recorded request into a real one, and reading the parts of a response the contract compares.
import { request } from 'node:http';
import { z } from 'zod';
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
export interface ReplayRequest { method: string; headers: Record<string, string>; body: Buffer | string | undefined }

export function buildRequest(t: Transcript, origin: string, tokens: Map<string, string>): { url: string; init: ReplayRequest } {
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
  return { url: `${origin}${t.request.path}`, init: { method: t.request.method, headers, body } };
}

/**
 * Sends the request with exactly the recorded headers. fetch() would add `Accept: *\/*` where the
 * recording sent none, and pyramid formats errors by Accept: devpi-server answers 091's refused
 * upload as text/plain without an Accept header but as text/html with `*\/*`.
 */
export function send(url: string, init: ReplayRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length - 1; i += 2) headers.append(res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '');
        const body = chunks.length === 0 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers }));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The transcripts start from devpi-init's state: only root, with an empty password. */
export async function isFresh(url: string): Promise<boolean> {
  const listing: unknown = await fetch(`${url}/`, { headers: { Accept: 'application/json' } }).then((r) => r.json()).catch(() => undefined);
  const login = await fetch(`${url}/+login`, { method: 'POST', headers: { Accept: 'application/json' }, body: '{"user": "root", "password": ""}' });
  const result = listing && typeof listing === 'object' && 'result' in listing ? listing.result : undefined;
  const users = result && typeof result === 'object' ? Object.keys(result) : [];
  return login.status === 200 && users.length === 1 && users[0] === 'root';
}

/** What the transcripts make root's password (transcripts/013, transcripts-tokens/002). */
const TRANSCRIPT_ROOT_PASSWORD = 'devpi-root-pw';

/**
 * Gives root back the password it had before a replay against a real devpi (a fresh one: empty), so that the suites
 * run after it (scripts/test-all.mjs runs the replays first, on their own) can sign in as root.
 * Nothing to do when the replay stopped before it changed the password.
 */
export async function restoreRootPassword(url: string, password: string): Promise<void> {
  const login = await fetch(`${url}/+login`, { method: 'POST', headers: { Accept: 'application/json' }, body: JSON.stringify({ user: 'root', password: TRANSCRIPT_ROOT_PASSWORD }) });
  if (login.status !== 200) return;
  const token = z.object({ result: z.object({ password: z.string() }) }).parse(await login.json()).result.password;
  const res = await fetch(`${url}/root`, {
    method: 'PATCH',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Devpi-Auth': Buffer.from(`root:${token}`).toString('base64') },
    body: JSON.stringify({ password }),
  });
  if (res.status !== 200) throw new Error(`could not give root its password back on ${url}: ${res.status} ${await res.text()}`);
}
