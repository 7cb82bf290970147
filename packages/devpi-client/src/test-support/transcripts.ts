import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { DevpiAuth } from '../auth.js';
import { DevpiClient } from '../client.js';
import { TOKEN_TRANSCRIPT_DIR, TRANSCRIPT_DIR } from '@devpi-dashboard/devpi-ground-truth';
export { TRANSCRIPT_DIR };

export const RECORDED_BASE = 'http://127.0.0.1:3141';
/** The devpi-tokens recording ran on its own server. */
export const TOKENS_RECORDED_BASE = 'http://127.0.0.1:3144';

const MultipartPart = z.union([
  z.object({ name: z.string(), value: z.string() }),
  z.object({ name: z.string(), filename: z.string(), content_type: z.string(), size: z.number(), sha256: z.string(), base64: z.string() }),
]);
export type MultipartPart = z.infer<typeof MultipartPart>;
const Multipart = z.object({ 'multipart/form-data': z.array(MultipartPart) });
const Binary = z.object({ _binary: z.literal(true), size: z.number(), sha256: z.string(), base64: z.string() });

export const Transcript = z.object({
  name: z.string(),
  request: z.object({ method: z.string(), path: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown() }),
  response: z.object({ status: z.number(), reason: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown() }),
  note: z.string().optional(),
  wait_before_s: z.number().optional(),
});
export type Transcript = z.infer<typeof Transcript>;

export function transcriptFiles(dir: string = TRANSCRIPT_DIR): string[] {
  return readdirSync(dir).filter((file) => /^\d{3}-.*\.json$/.test(file)).sort();
}

/** Loads a transcript by its number (`45`) or file name; `dir` picks the recording (core by default). */
export function loadTranscript(id: number | string, dir: string = TRANSCRIPT_DIR): Transcript {
  const prefix = typeof id === 'number' ? `${String(id).padStart(3, '0')}-` : id;
  const file = transcriptFiles(dir).find((name) => name.startsWith(prefix));
  if (file === undefined) throw new Error(`no transcript ${String(id)} in ${dir}`);
  return Transcript.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
}

export function loadTokenTranscript(id: number | string): Transcript {
  return loadTranscript(id, TOKEN_TRANSCRIPT_DIR);
}

export function multipartParts(t: Transcript): MultipartPart[] | undefined {
  const parsed = Multipart.safeParse(t.request.body);
  return parsed.success ? parsed.data['multipart/form-data'] : undefined;
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** The credentials the recorded request carried, so the client under test must send the same header. */
export function recordedAuth(t: Transcript): DevpiAuth | undefined {
  const devpi = t.request.headers['X-Devpi-Auth'];
  const basic = t.request.headers['Authorization'];
  const decoded = devpi ?? basic?.replace(/^Basic /, '');
  if (decoded === undefined) return undefined;
  const text = Buffer.from(decoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  const user = text.slice(0, colon);
  const secret = text.slice(colon + 1);
  return devpi !== undefined ? { user, token: secret } : { user, password: secret };
}

function recordedResponse(t: Transcript): Response {
  const { status, reason, headers, body } = t.response;
  const binary = Binary.safeParse(body);
  let payload: ConstructorParameters<typeof Response>[0];
  if (binary.success) payload = fromBase64(binary.data.base64);
  else if (typeof body === 'string') payload = body;
  else payload = body === null ? null : JSON.stringify(body);
  return new Response(payload, { status, statusText: reason, headers });
}

async function describeSentParts(request: Request): Promise<unknown[] | string> {
  const form = await request.formData().catch((error: unknown) => `not multipart: ${String(error)}`);
  if (typeof form === 'string') return form;
  const parts: unknown[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parts.push({ name, value });
    else {
      const bytes = Buffer.from(await value.arrayBuffer());
      parts.push({ name, filename: value.name, content_type: value.type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return parts;
}

/** Differences between what the client sent and what the recording sent (empty when they match). */
export async function compareRequest(t: Transcript, request: Request): Promise<string[]> {
  const problems: string[] = [];
  const url = new URL(request.url);
  if (request.method !== t.request.method) problems.push(`method ${request.method} != ${t.request.method}`);
  if (`${url.pathname}${url.search}` !== t.request.path) problems.push(`path ${url.pathname}${url.search} != ${t.request.path}`);
  for (const [name, expected] of Object.entries(t.request.headers)) {
    const sent = request.headers.get(name) ?? '<missing>';
    // The multipart boundary is chosen per request, so only the media type is compared.
    const same = name === 'Content-Type' ? sent.split(';')[0] === expected.split(';')[0] : sent === expected;
    if (!same) problems.push(`header ${name}: ${sent} != ${expected}`);
  }
  for (const name of ['X-Devpi-Auth', 'Authorization']) {
    if (t.request.headers[name] === undefined && request.headers.has(name)) problems.push(`unexpected header ${name}`);
  }
  const parts = multipartParts(t);
  if (parts !== undefined) {
    const expected = parts.map((part) => ('base64' in part ? { name: part.name, filename: part.filename, content_type: part.content_type, size: part.size, sha256: part.sha256 } : part));
    const sent = await describeSentParts(request);
    if (!isDeepStrictEqual(sent, expected)) problems.push(`multipart ${JSON.stringify(sent)} != ${JSON.stringify(expected)}`);
  } else {
    const text = await request.text();
    const recorded = t.request.body;
    if (recorded === null || recorded === '') {
      if (text !== '') problems.push(`unexpected body ${text}`);
    } else if (!isDeepStrictEqual(text === '' ? undefined : (JSON.parse(text) as unknown), recorded)) {
      problems.push(`body ${text} != ${JSON.stringify(recorded)}`);
    }
  }
  return problems;
}

/**
 * A fake fetch that answers from recorded exchanges in order and checks each request the client
 * sends against the recording. `verify()` fails on any mismatch or an exchange left unused.
 */
export function replay(...ids: (number | string)[]) {
  return replayRecorded(ids.map((id) => loadTranscript(id)), RECORDED_BASE);
}

/** `replay` over the devpi-tokens recording. */
export function replayTokens(...ids: (number | string)[]) {
  return replayRecorded(ids.map(loadTokenTranscript), TOKENS_RECORDED_BASE);
}

function replayRecorded(transcripts: Transcript[], base: string) {
  const problems: string[] = [];
  let next = 0;
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const t = transcripts[next];
    next += 1;
    if (t === undefined) {
      problems.push(`unexpected request ${init?.method ?? 'GET'} ${input}`);
      return new Response('no more recorded exchanges', { status: 599 });
    }
    const found = await compareRequest(t, new Request(input, init));
    problems.push(...found.map((problem) => `${t.name}: ${problem}`));
    return recordedResponse(t);
  };
  const first = transcripts[0];
  const client = new DevpiClient({ baseUrl: base, fetch, auth: first === undefined ? undefined : recordedAuth(first) });
  return {
    client,
    fetch,
    transcripts,
    verify(): void {
      if (next < transcripts.length) problems.push(`${transcripts.length - next} recorded exchange(s) never requested`);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}
