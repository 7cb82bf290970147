import type { IncomingHttpHeaders } from 'node:http';

/**
 * Headers the client may not choose for devpi: credentials (ours are added from the session),
 * the outside URL (ours comes from PUBLIC_URL), forwarding claims devpi might trust, and
 * hop-by-hop headers that belong to the browser's connection, not ours. `expect` is dropped too:
 * Node already answered the 100-continue, and http-proxy skips its hooks for such requests.
 */
const STRIPPED = new Set([
  'x-devpi-auth',
  'authorization',
  'cookie',
  'x-outside-url',
  'forwarded',
  'x-real-ip',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

export interface ForwardHeaders {
  /** `X-Devpi-Auth` value for the session's user, if logged in. */
  devpiAuth: string | undefined;
  /** PUBLIC_URL, sent as `X-outside-url` so devpi's links point through the load balancer. */
  outsideUrl: string | undefined;
}

/**
 * Rewrites the incoming headers in place before http-proxy copies them, so nothing of the
 * client's survives and no header can be sent after the body has started to stream.
 * Transfer-Encoding/Content-Length stay: Node re-frames the body on the outgoing connection.
 */
export function rewriteForwardHeaders(headers: IncomingHttpHeaders, forward: ForwardHeaders): void {
  const connectionListed = String(headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (STRIPPED.has(lower) || lower.startsWith('x-forwarded-') || connectionListed.includes(lower)) delete headers[name];
  }
  // Keep the pooled connection to devpi open whatever the browser asked for its own connection.
  headers.connection = 'keep-alive';
  if (forward.devpiAuth !== undefined) headers['x-devpi-auth'] = forward.devpiAuth;
  if (forward.outsideUrl !== undefined) headers['x-outside-url'] = forward.outsideUrl;
}
