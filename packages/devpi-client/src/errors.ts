import { ErrorBody } from './schemas/envelope.js';

/** What went wrong: devpi answered with an error status, answered something unparseable, or was unreachable. */
export type DevpiErrorKind = 'http' | 'invalid_response' | 'network';

export interface DevpiErrorInit {
  kind: DevpiErrorKind;
  status: number;
  method: string;
  url: string;
  message: string;
  reason?: string;
  code?: string;
  title?: string;
  body?: unknown;
  cause?: unknown;
}

/**
 * The one error class for devpi failures. `message` is devpi's own text, untouched: the JSON
 * `message`, or for upload errors (whose `message` is only newlines) the `title` / HTTP reason phrase.
 */
export class DevpiError extends Error {
  readonly kind: DevpiErrorKind;
  /** HTTP status; 0 when devpi could not be reached. */
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** HTTP reason phrase; devpi puts upload error messages here. */
  readonly reason: string | undefined;
  /** pyramid's `code`, e.g. `"403 Forbidden"`. */
  readonly code: string | undefined;
  /** pyramid's `title`, e.g. `"Forbidden"` or an upload error message. */
  readonly title: string | undefined;
  /** The raw body: parsed JSON, or text. */
  readonly body: unknown;

  constructor(init: DevpiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DevpiError';
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.reason = init.reason;
    this.code = init.code;
    this.title = init.title;
    this.body = init.body;
  }
}

/** Reason phrases that carry no devpi-specific text. */
const GENERIC_REASONS = new Set(['', 'OK', 'Bad Request', 'Unauthorized', 'Forbidden', 'Not Found', 'Conflict', 'Gone', 'Found', 'Method Not Allowed', 'Internal Server Error', 'Bad Gateway', 'Service Unavailable', 'Gateway Timeout']);

/** True when the reason phrase says more than the status line does (devpi's upload errors). */
export function isSpecificReason(reason: string): boolean {
  return !GENERIC_REASONS.has(reason);
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Picks devpi's message out of an error response, following API.md "Error body shapes". */
export function devpiMessage(status: number, reason: string, body: unknown): { message: string; code?: string; title?: string } {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { message, code, title } = parsed.data;
    if (hasText(message)) return { message, code, title };
    if (hasText(title)) return { message: title, code, title };
  }
  if (isSpecificReason(reason)) return { message: reason };
  if (typeof body === 'string') {
    // twine-style text/plain errors look like "403 no permission to submit\n\n..."
    const firstLine = body.trim().split('\n')[0] ?? '';
    if (body.length < 2000 && !body.trimStart().startsWith('<') && firstLine !== '') return { message: firstLine.replace(/^\d{3} /, '') };
  }
  return { message: reason === '' ? `HTTP ${status}` : reason };
}

/** Builds a DevpiError from a non-success response whose body has already been read. */
export function httpError(method: string, url: string, response: Response, body: unknown): DevpiError {
  const { message, code, title } = devpiMessage(response.status, response.statusText, body);
  return new DevpiError({ kind: 'http', status: response.status, method, url, message, reason: response.statusText, code, title, body });
}
