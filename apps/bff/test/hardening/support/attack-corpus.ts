/**
 * Hostile requests, as data. Each entry names what it tries and what the BFF must answer; the
 * suites send them with a logged-in root session (the most a stolen browser could have) and check
 * that nothing of it reached devpi.
 */
import { DEVPI_PROXY_BASE } from '@devpi-dashboard/dashboard-api';

export interface PathAttack {
  name: string;
  method: string;
  /** Request target sent byte for byte. */
  target: string;
  status: number;
  /**
   * Harmless if forwarded byte for byte: devpi decodes a path once, so these become literal (and
   * unknown) names there, never a traversal. The BFF may refuse them, or pass them on unchanged
   * for devpi to answer with a 4xx.
   */
  literalAtDevpi?: true;
}

const p = DEVPI_PROXY_BASE;

/** Request targets that must never be forwarded: traversal, encodings, absolute URLs, control bytes. */
export const pathAttacks: PathAttack[] = [
  { name: 'dot-dot to the file system', method: 'GET', target: `${p}/../../../../etc/passwd`, status: 400 },
  { name: 'dot-dot out of a user', method: 'GET', target: `${p}/root/../+login`, status: 400 },
  { name: 'trailing dot-dot', method: 'GET', target: `${p}/root/pypi/..`, status: 400 },
  { name: 'single dot segment', method: 'GET', target: `${p}/./root/pypi`, status: 400 },
  { name: 'dot-dot in a DELETE', method: 'DELETE', target: `${p}/root/pypi/../../root`, status: 400 },
  { name: 'encoded dot-dot', method: 'GET', target: `${p}/%2e%2e/%2e%2e/etc/passwd`, status: 400 },
  { name: 'upper-case encoded dot-dot', method: 'GET', target: `${p}/%2E%2E/root`, status: 400 },
  { name: 'half-encoded dot-dot', method: 'GET', target: `${p}/.%2e/root`, status: 400 },
  { name: 'encoded slash', method: 'GET', target: `${p}/root%2fpypi`, status: 400 },
  { name: 'encoded slash with dot-dot', method: 'GET', target: `${p}/root%2F..%2F..%2Fetc%2Fpasswd`, status: 400 },
  { name: 'encoded backslash', method: 'GET', target: `${p}/root%5c..%5c+login`, status: 400 },
  { name: 'literal backslash', method: 'GET', target: `${p}/root\\..\\+login`, status: 400 },
  { name: 'double-encoded dot-dot', method: 'GET', target: `${p}/%252e%252e/%252e%252e/etc/passwd`, status: 400, literalAtDevpi: true },
  { name: 'double-encoded slash', method: 'GET', target: `${p}/root%252fpypi`, status: 400, literalAtDevpi: true },
  { name: 'encoded NUL', method: 'GET', target: `${p}/root%00/pypi`, status: 400 },
  { name: 'protocol-relative //host', method: 'GET', target: `${p}//evil.example/steal`, status: 400 },
  { name: 'encoded //host', method: 'GET', target: `${p}/%2f%2fevil.example/steal`, status: 400 },
  { name: 'empty segment', method: 'GET', target: `${p}/root//pypi`, status: 400 },
  { name: 'overlong UTF-8 dot', method: 'GET', target: `${p}/%c0%ae%c0%ae/root`, status: 400 },
  { name: 'absolute URL as request target', method: 'GET', target: `http://evil.example${p}/root/pypi`, status: 400 },
  { name: 'absolute URL as a path segment', method: 'GET', target: `${p}/http://evil.example/x`, status: 400 },
  { name: 'dot-dot in the query-less PATCH', method: 'PATCH', target: `${p}/root/../root/pypi`, status: 400 },
];

export interface MethodAttack {
  method: string;
  status: number;
}

/** Methods the proxy must not forward. */
export const methodAttacks: MethodAttack[] = ['TRACE', 'OPTIONS', 'PROPFIND', 'MKCOL', 'COPY', 'MOVE', 'LOCK'].map((method) => ({ method, status: 405 }));

/**
 * Headers a client might send to borrow someone else's identity, redirect devpi's links, or make
 * the proxy drop our own credentials. None may reach devpi as sent.
 */
export function forgedHeaders(rootBasic: string): Record<string, string> {
  return {
    'X-Devpi-Auth': rootBasic,
    Authorization: `Basic ${rootBasic}`,
    'Proxy-Authorization': `Basic ${rootBasic}`,
    'X-outside-url': 'http://evil.example',
    'X-Forwarded-For': '10.66.66.66',
    'X-Forwarded-Host': 'evil.example',
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Prefix': '/evil',
    Forwarded: 'for=10.66.66.66;host=evil.example;proto=https',
    'X-Real-IP': '10.66.66.66',
    // Listing our own credential header as hop-by-hop would make a naive proxy drop it.
    Connection: 'keep-alive, X-Devpi-Auth, X-outside-url',
    'Keep-Alive': 'timeout=600',
    TE: 'trailers',
    Upgrade: 'websocket',
  };
}

/** Header names that must not reach devpi (besides our own X-Devpi-Auth and X-outside-url values). */
export const neverForwarded = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-prefix',
  'forwarded',
  'x-real-ip',
  'te',
  'upgrade',
  'keep-alive',
];
