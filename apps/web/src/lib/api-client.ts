import { DevpiClient } from '@devpi-dashboard/devpi-client';
import {
  apiPaths,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  DEVPI_PROXY_BASE,
  dashboardConfigSchema,
  errorBodySchema,
  errorCodes,
  indexListSchema,
  sessionSchema,
  uploadExplanationSchema,
  uploadMatrixSchema,
  usersPageSchema,
  type LoginRequest,
} from '@devpi-dashboard/dashboard-api';
import type { z } from 'zod';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { takeEarlyResponse } from './early-requests';
import { notifySessionExpired } from './session-expiry';
import { xhrFetch, type UploadProgress } from './xhr-fetch';

/*
 * The SPA's one fetch wrapper. Everything goes through `dashboardFetch`: the devpi client (through
 * the BFF's proxy) and the typed calls to the BFF's own API below. Components never call fetch.
 */

async function isSessionExpired(response: Response): Promise<boolean> {
  try {
    const parsed = errorBodySchema.safeParse(await response.clone().json());
    return parsed.success && parsed.data.error.code === errorCodes.sessionExpired;
  } catch {
    return false;
  }
}

/** The answer started early for this very request (lib/early-requests.ts), else the network's. */
async function send(input: string, request: RequestInit, onUploadProgress: UploadProgress | undefined): Promise<Response> {
  if (onUploadProgress) return xhrFetch(input, request, onUploadProgress);
  const early = takeEarlyResponse(input, request);
  if (early) {
    try {
      return await early;
    } catch (error) {
      // Cancelled by its caller: as fetch would. Any other failure is asked once more, the usual way.
      if (request.signal?.aborted) throw error;
    }
  }
  return fetch(input, request);
}

/** `onUploadProgress` switches the transport to XMLHttpRequest, which can report it (uploads). */
export async function dashboardFetch(input: string, init?: RequestInit & { onUploadProgress?: UploadProgress }): Promise<Response> {
  const { onUploadProgress, ...rest } = init ?? {};
  const headers = new Headers(rest.headers);
  headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
  const request = { ...rest, headers, credentials: 'same-origin' } as const;
  const response = await send(input, request, onUploadProgress);
  if (response.status === 401 && (await isSessionExpired(response))) notifySessionExpired();
  return response;
}

/** devpi, as seen through the BFF (which adds the session's X-Devpi-Auth). */
export const devpi = new DevpiClient({ baseUrl: DEVPI_PROXY_BASE, fetch: dashboardFetch });

/** The same devpi client, reporting upload progress through the same wrapper (for twine-style uploads). */
export function devpiWithUploadProgress(onProgress: UploadProgress): DevpiClient {
  return new DevpiClient({ baseUrl: DEVPI_PROXY_BASE, fetch: (input, init) => dashboardFetch(input, { ...init, onUploadProgress: onProgress }) });
}

/** A failed call to the BFF's own API, with the code and details of its error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * `value`, or the 404 that the route error boundary shows as "Not found": for devpi client calls
 * that answer `undefined` when devpi has no such thing, so screens never check for absence again.
 */
export function found<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new ApiError(404, errorCodes.notFound, message);
  return value;
}

/** A typed call to the BFF's own API: the answer is parsed with `schema`, failures become ApiError. */
export async function request<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await dashboardFetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch (error) {
    // A request its caller cancelled (a newer search replaced it) is not a network failure.
    if (init?.signal?.aborted) throw error;
    throw new ApiError(0, errorCodes.network, 'The dashboard server could not be reached. Check your connection and try again.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, errorCodes.httpError, `The server answered ${response.status} ${response.statusText}`.trim());
  }
  return schema.parse(body);
}

/** Asks the BFF for devpi's current state instead of its last serial probe (right after a change). */
export const freshRead: RequestInit = { headers: { 'Cache-Control': 'no-cache' } };

/**
 * `freshRead` when the query already holds an answer: a refetch (after a change made here, which
 * invalidates the queries) asks for devpi's current state; a first load stays a plain GET, so it
 * can take the answer the server-rendered page came with (lib/early-requests.ts).
 */
export function freshOnRefetch(context: { client: QueryClient; queryKey: QueryKey }): RequestInit {
  return context.client.getQueryState(context.queryKey)?.data === undefined ? {} : freshRead;
}

/** `?a=1&b=2` from the defined, non-empty params. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const jsonBody = (body: unknown): RequestInit => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** The BFF's own JSON API, each answer parsed with the shared zod schema. */
export const dashboardApi = {
  session: () => request(sessionSchema, apiPaths.session),
  login: (credentials: LoginRequest) => request(sessionSchema, apiPaths.session, { method: 'POST', ...jsonBody(credentials) }),
  logout: async () => {
    await dashboardFetch(apiPaths.session, { method: 'DELETE' });
  },
  config: () => request(dashboardConfigSchema, apiPaths.config),
  users: (params: { q?: string; offset?: number; limit?: number }) => request(usersPageSchema, `${apiPaths.users}${query(params)}`),
  indexes: () => request(indexListSchema, apiPaths.indexes),
  uploadMatrix: (params: { q?: string; index?: string; offset?: number; limit?: number }) =>
    request(uploadMatrixSchema, `${apiPaths.uploadMatrix}${query(params)}`),
  uploadExplain: (params: { user: string; index: string }) => request(uploadExplanationSchema, `${apiPaths.uploadExplain}${query(params)}`),
};
