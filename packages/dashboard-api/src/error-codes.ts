/**
 * Every `error.code` of the BFF's error body, in one list: the BFF sends them, the SPA, e2e and
 * bench compare against them. Plain strings, no zod, so the SPA's first chunk can import them
 * (through `@devpi-dashboard/dashboard-api/constants`).
 */
export const errorCodes = {
  sessionExpired: 'session_expired',
  notLoggedIn: 'not_logged_in',
  invalidCredentials: 'invalid_credentials',
  tooManyAttempts: 'too_many_attempts',
  csrf: 'csrf_rejected',
  validation: 'invalid_request',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  devpiUnavailable: 'devpi_unavailable',
  devpiTimeout: 'devpi_timeout',
  /** devpi answered, but not in the shape its API promises (zod refused it). */
  devpiBadResponse: 'devpi_bad_response',
  /** devpi refused a call the BFF made for the user; `details.devpiStatus` is devpi's status. */
  devpiError: 'devpi_error',
  pathRefused: 'path_refused',
  methodRefused: 'method_not_allowed',
  loginThroughSession: 'login_through_session',
  indexPatchFormRefused: 'index_patch_must_be_operations',
  shuttingDown: 'shutting_down',
  /** /readyz: the store (SQLite file or PostgreSQL) does not answer. */
  storeUnavailable: 'store_unavailable',
  /** devpi runs without the devpi-tokens plugin, so there are no tokens to list, create or revoke. */
  tokensPluginMissing: 'tokens_plugin_missing',
  /** devpi-tokens' routes are refused by the proxy: tokens are made on the dashboard's Tokens screen. */
  tokensThroughDashboard: 'tokens_through_dashboard',
  /** Only root may do this (importing an OSV database). */
  rootOnly: 'root_only',
  /** An uploaded OSV dump is not a zip of OSV entries. */
  osvDumpInvalid: 'osv_dump_invalid',
  internal: 'internal_error',
  /** Set by the SPA's api client itself: the BFF was not reached, or answered without an error body. */
  network: 'network',
  httpError: 'http_error',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];
