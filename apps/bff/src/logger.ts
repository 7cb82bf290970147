import { destination as pinoDestination, pino, type Logger } from 'pino';

/** Paths pino removes before anything is written: credentials never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-devpi-auth"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-devpi-auth"]',
  'password',
  'token',
  // a devpi answer kept on a logged DevpiError: devpi-tokens' new token, a login's token
  'err.body.result.token',
  'err.body.result.password',
  'err.cause.body.result.token',
];

/**
 * JSON logs to stdout. Writes are asynchronous: lines logged while a write is in flight go out
 * together, which saves a system call per proxied request under load; pino flushes what is left
 * when the process exits.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'devpi-dashboard-bff' } };
  return pino(options, destination ?? pinoDestination({ dest: 1, sync: false }));
}
