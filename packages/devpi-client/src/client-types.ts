import type { DevpiAuth } from './auth.js';
import type { FetchFn } from './http.js';

export interface DevpiClientOptions {
  /** devpi's root URL (`http://127.0.0.1:3141`) or, in a browser, a path such as `/+dashboard/api/devpi`. */
  baseUrl: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: FetchFn;
  auth?: DevpiAuth;
  /** Sent with every request, e.g. `X-outside-url`. */
  headers?: Record<string, string>;
  /** Abort each request after this long; a timeout is a DevpiError of kind `network`. */
  timeoutMs?: number;
  /** Cancels every request of this client (e.g. TanStack Query's `signal`); see `withSignal`. */
  signal?: AbortSignal;
}

/** A login token and its lifetime in seconds (devpi: 36000). */
export interface LoginResult {
  token: string;
  expiration: number;
}

export interface ModifyUserResult {
  message: string;
  /** Present when the password changed: devpi hands out a fresh token. */
  auth?: LoginResult;
}

/** Outcome of an upload. devpi answers 200 with an empty body, or a note in the reason phrase. */
export interface UploadResult {
  message?: string;
}

export interface PushInput {
  name: string;
  version: string;
  /** `user/index` on the same server. */
  targetindex: string;
  noDocs?: boolean;
  onlyDocs?: boolean;
}
