import { z } from 'zod';
import { authHeaders, type DevpiAuth } from './auth.js';
import { DevpiError, httpError } from './errors.js';
import { joinUrl } from './url.js';

export const JSON_TYPE = 'application/json';
export const PEP691_TYPE = 'application/vnd.pypi.simple.v1+json';
export const HTML_TYPE = 'text/html';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestSpec {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  accept: string;
  json?: unknown;
  form?: FormData;
  /** Statuses below 400 that are not 2xx but still success (a refresh answers 302). */
  okStatuses?: readonly number[];
}

export interface HttpConfig {
  base: string;
  fetch: FetchFn;
  auth: DevpiAuth | undefined;
  headers: Record<string, string>;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
}

export interface Exchange {
  response: Response;
  url: string;
  method: string;
}

/** Reads a body once: JSON when devpi says so (or it looks like JSON), else text. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The single fetch wrapper of the client: URL, headers, auth, timeout and error mapping. */
export class DevpiHttp {
  constructor(private readonly config: HttpConfig) {}

  url(path: string, query?: Record<string, string | undefined>): string {
    return joinUrl(this.config.base, path, query);
  }

  /** Sends the request; a 404 resolves to undefined when `allow404`, other failures throw DevpiError. */
  async send(spec: RequestSpec & { allow404: true }): Promise<Exchange | undefined>;
  async send(spec: RequestSpec & { allow404?: false }): Promise<Exchange>;
  async send(spec: RequestSpec & { allow404?: boolean }): Promise<Exchange | undefined> {
    const url = this.url(spec.path, spec.query);
    const headers: Record<string, string> = { ...this.config.headers, Accept: spec.accept, ...authHeaders(this.config.auth) };
    let body: string | FormData | undefined;
    if (spec.json !== undefined) {
      headers['Content-Type'] = JSON_TYPE;
      body = JSON.stringify(spec.json);
    } else if (spec.form !== undefined) {
      body = spec.form; // fetch sets the multipart Content-Type with its boundary
    }
    const init: RequestInit = { method: spec.method, headers };
    if (body !== undefined) init.body = body;
    const { signal, timeoutMs } = this.config;
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    if (signal !== undefined && timeout !== undefined) init.signal = AbortSignal.any([signal, timeout]);
    else if (signal !== undefined || timeout !== undefined) init.signal = signal ?? timeout;
    let response: Response;
    try {
      response = await this.config.fetch(url, init);
    } catch (cause) {
      // A caller's own cancellation keeps fetch's semantics (an AbortError) so query libraries recognise it.
      if (signal?.aborted === true) throw cause;
      const detail = timeout?.aborted === true ? `no answer within ${String(timeoutMs)} ms` : cause instanceof Error ? cause.message : String(cause);
      throw new DevpiError({ kind: 'network', status: 0, method: spec.method, url, message: `devpi is unreachable: ${detail}`, cause });
    }
    if (response.ok || spec.okStatuses?.includes(response.status)) return { response, url, method: spec.method };
    const errorBody = await readBody(response);
    if (response.status === 404 && spec.allow404 === true) return undefined;
    throw httpError(spec.method, url, response, errorBody);
  }

  /** Parses a success body with `schema`; a mismatch is a DevpiError of kind `invalid_response`. */
  async parse<S extends z.ZodType>(exchange: Exchange, schema: S): Promise<z.output<S>> {
    const body = await readBody(exchange.response);
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw invalidResponse(exchange, `unexpected response from devpi for ${exchange.method} ${exchange.url}: ${result.error.message}`, body, result.error);
  }
}

/** `X-Devpi-Serial`: the serial devpi had committed when it answered; on every devpi answer. */
export const SerialHeader = z.string().regex(/^\d+$/).transform(Number);

/** devpi's serial from an answer's `X-Devpi-Serial`; a missing or malformed one is `invalid_response`. */
export function serialOf(exchange: Exchange): number {
  const raw = exchange.response.headers.get('x-devpi-serial');
  const parsed = SerialHeader.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidResponse(exchange, `devpi sent no usable X-Devpi-Serial header for ${exchange.method} ${exchange.url} (got ${JSON.stringify(raw)})`, raw);
}

function invalidResponse(exchange: Exchange, message: string, body: unknown, cause?: unknown): DevpiError {
  const { response, method, url } = exchange;
  return new DevpiError({ kind: 'invalid_response', status: response.status, method, url, message, reason: response.statusText, body, cause });
}
