// Loading the recorded devpi exchanges and the ONE place that says what may differ between servers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

import { TRANSCRIPT_DIR } from '@devpi-dashboard/devpi-ground-truth';

export { TRANSCRIPT_DIR };
/** The origin the transcripts were recorded against. */
export const RECORDED_ORIGIN = 'http://127.0.0.1:3141';

const jsonValue: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const part = z.union([
  z.object({ name: z.string(), value: z.string() }),
  z.object({ name: z.string(), filename: z.string(), content_type: z.string(), base64: z.string() }),
]);
export type MultipartPart = z.infer<typeof part>;
const multipart = z.object({ 'multipart/form-data': z.array(part) });
const binary = z.object({ _binary: z.literal(true), size: z.number(), sha256: z.string() });

const transcript = z.object({
  name: z.string(),
  request: z.object({ method: z.string(), path: z.string(), headers: z.record(z.string(), z.string()), body: jsonValue }),
  response: z.object({ status: z.number(), reason: z.string(), headers: z.record(z.string(), z.string()), body: jsonValue }),
  wait_before_s: z.number().optional(),
  /** devpi-tokens transcripts: the Unix time the request was sent (its body holds absolute epochs). */
  recorded_at: z.number().optional(),
  /** devpi-tokens transcripts: the server was restarted (no --secretfile) just before. */
  restart_before: z.boolean().optional(),
  note: z.string().optional(),
});
export type Transcript = z.infer<typeof transcript> & { file: string };

export function loadTranscripts(dir: string = TRANSCRIPT_DIR): Transcript[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((file) => ({ ...transcript.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))), file }));
}

export function asMultipart(body: Json): MultipartPart[] | undefined {
  const parsed = multipart.safeParse(body);
  return parsed.success ? parsed.data['multipart/form-data'] : undefined;
}

export function asBinary(body: Json): { size: number; sha256: string } | undefined {
  const parsed = binary.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

export function parseJson(text: string): Json {
  return jsonValue.parse(JSON.parse(text));
}

const TOKEN = /^\["[^"]*", \[[^\]]*\], (?:true|false)\]\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;
const UUID = /^[0-9a-f]{32}$/;
/** Keys of /+status whose values describe the machine and the moment, not the API. */
const STATUS_VOLATILE = new Set([
  'serverdir', 'uuid', 'server-code', 'host', 'port', 'serial', 'last-commit-timestamp', 'event-serial',
  'event-serial-timestamp', 'event-serial-in-sync-at', 'metrics',
]);

/**
 * The single normalisation applied to recorded and replayed values before comparing them. Only what must
 * differ between two correct servers is replaced:
 * - the server origin (`http://host:port`) by `<origin>`;
 * - login tokens by `<token:user>` (the replay maps recorded tokens to its own, see the contract test);
 * - `created`/`modified` (ISO) and `last_modified` (HTTP date) timestamps, and upload-log `when` tuples;
 * - uuids, and Python object addresses in messages (`object at 0x7f...`);
 * - in `/+status`: the machine- and time-dependent values (kept as their JSON type);
 * - in devpi-web pages (`<!doctype html>`): whitespace around tags and runs of whitespace are insignificant,
 *   and the uuid, serials and timestamps the status page and file histories show are replaced.
 */
export function normalize(value: Json, origin: string, key = ''): Json {
  if (typeof value === 'string') {
    if (TOKEN.test(value)) return `<token:${/^\["([^"]*)"/.exec(value)?.[1] ?? ''}>`;
    if (ISO.test(value)) return '<timestamp>';
    if (HTTP_DATE.test(value)) return '<http-date>';
    if (UUID.test(value)) return '<uuid>';
    const text = value.split(origin).join('<origin>').replace(/object at 0x[0-9a-f]+/g, 'object at 0x<addr>');
    if (!text.startsWith('<!doctype html>')) return text;
    return text
      .replace(/<span class="timestamp">[^<]*<\/span>/g, '<span class="timestamp">…</span>')
      .replace(/\b[0-9a-f]{32}\b/g, '<uuid>')
      .replace(/>\s+/g, '>')
      .replace(/\s+</g, '<')
      .replace(/\s+/g, ' ')
      .replace(/<td>\d+<br \/>last time/g, '<td><serial><br />last time');
  }
  if (Array.isArray(value)) {
    if (key === 'when' && value.length === 6 && value.every((v) => typeof v === 'number')) return '<when>';
    return value.map((v) => normalize(v, origin));
  }
  if (value && typeof value === 'object') {
    const isStatus = 'versioninfo' in value && 'role' in value;
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isStatus && STATUS_VOLATILE.has(k) ? `<${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v}>` : normalize(v, origin, k);
    }
    return out;
  }
  return value;
}
