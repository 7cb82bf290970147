/**
 * Raw requests that try to desynchronise the BFF from whatever sits in front of or behind it, or
 * that overflow its parser. Each hides a second request aimed at a marker path; the suite checks
 * that the marker never reaches devpi and that the framing error is answered with a 4xx.
 */
import { DEVPI_PROXY_BASE, CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';

export const SMUGGLED_MARKER = 'smuggled-marker';

/**
 * Appended to every attack: if the server survived the attack with the connection still in sync,
 * this answers too (and the suite sees two statuses); it also makes the server close at the end.
 */
export const closer = (host: string) => `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

export interface RawAttack {
  name: string;
  /** Builds the bytes for a BFF reachable at `host` with a valid session cookie pair. */
  bytes: (host: string, cookie: string) => string;
  /** Statuses any of which is right (Node's parser answers some of these before Express sees them). */
  statuses: number[];
}

const inner = (host: string) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
const post = `POST ${DEVPI_PROXY_BASE}/root/pypi HTTP/1.1`;
const csrf = (host: string) => `${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\r\nOrigin: http://${host}`;

export const rawAttacks: RawAttack[] = [
  {
    name: 'CL.TE: Content-Length and Transfer-Encoding together',
    bytes: (h, c) => {
      const body = `0\r\n\r\n${inner(h)}`;
      return `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n${body}`;
    },
    statuses: [400],
  },
  {
    name: 'TE.CL: Transfer-Encoding first, short Content-Length',
    bytes: (h, c) => {
      const chunk = inner(h);
      return `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
    },
    statuses: [400],
  },
  {
    name: 'two different Content-Length headers',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nContent-Length: 0\r\nContent-Length: ${inner(h).length}\r\n\r\n${inner(h)}`,
    statuses: [400],
  },
  {
    name: 'Content-Length list in one header',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nContent-Length: 0, ${inner(h).length}\r\n\r\n${inner(h)}`,
    statuses: [400],
  },
  {
    name: 'obfuscated Transfer-Encoding (xchunked)',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n${inner(h)}`,
    statuses: [400, 501],
  },
  {
    name: 'Transfer-Encoding: chunked, identity',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n${inner(h)}`,
    statuses: [400, 501],
  },
  {
    name: 'obs-fold continuation line hiding Transfer-Encoding',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nX-Filler: a\r\n Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n${inner(h)}`,
    statuses: [400],
  },
  {
    name: 'space before the colon of Content-Length',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nContent-Length : ${inner(h).length}\r\n\r\n${inner(h)}`,
    statuses: [400],
  },
  {
    name: 'invalid chunk size',
    bytes: (h, c) => `${post}\r\nHost: ${h}\r\nCookie: ${c}\r\n${csrf(h)}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${inner(h)}\r\n0\r\n\r\n`,
    statuses: [400],
  },
  {
    name: 'NUL byte in a header value',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} HTTP/1.1\r\nHost: ${h}\r\nCookie: ${c}\r\nX-Evil: a\u0000b\r\n\r\n`,
    statuses: [400],
  },
  {
    name: 'bare CR inside a header value',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} HTTP/1.1\r\nHost: ${h}\r\nCookie: ${c}\r\nX-Evil: a\rX-Devpi-Auth: forged\r\n\r\n`,
    statuses: [400],
  },
  {
    name: 'space inside the request target',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} /x HTTP/1.1\r\nHost: ${h}\r\nCookie: ${c}\r\n\r\n`,
    statuses: [400],
  },
  {
    name: 'oversized header block (64 KB cookie)',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} HTTP/1.1\r\nHost: ${h}\r\nCookie: ${c}; pad=${'a'.repeat(64 * 1024)}\r\n\r\n`,
    statuses: [431],
  },
  {
    name: 'oversized request line (64 KB path)',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER}/${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: ${h}\r\nCookie: ${c}\r\n\r\n`,
    statuses: [414, 431, 400],
  },
  {
    name: 'unknown HTTP version',
    bytes: (h, c) => `GET ${DEVPI_PROXY_BASE}/${SMUGGLED_MARKER} HTTP/7.1\r\nHost: ${h}\r\nCookie: ${c}\r\n\r\n`,
    statuses: [400, 505],
  },
];
