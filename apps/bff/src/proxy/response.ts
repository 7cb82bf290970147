import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEVPI_PROXY_BASE } from '@devpi-dashboard/dashboard-api';

/** Response headers that describe devpi's connection to us, not ours to the browser. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * devpi redirects to its own absolute URLs (built from X-outside-url or the Host header) and
 * to root-relative paths. Both are turned into the proxy path, so a redirect followed by fetch
 * stays inside the proxy, keeps the session, and never shows where devpi really lives.
 */
export function rewriteLocation(location: string, devpiOrigins: readonly string[]): string {
  for (const origin of devpiOrigins) {
    if (location === origin || location.startsWith(`${origin}/`)) {
      return `${DEVPI_PROXY_BASE}${location.slice(origin.length) || '/'}`;
    }
  }
  if (location.startsWith('/') && !location.startsWith('//')) return `${DEVPI_PROXY_BASE}${location}`;
  return location;
}

/** Copies devpi's status (reason phrase included: devpi puts upload errors there) and safe headers. */
export function writeProxiedHead(proxyRes: IncomingMessage, res: ServerResponse, devpiOrigins: readonly string[]): void {
  res.statusCode = proxyRes.statusCode ?? 502;
  if (proxyRes.statusMessage) res.statusMessage = proxyRes.statusMessage;
  for (const [name, value] of Object.entries(proxyRes.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'set-cookie') continue;
    if (name === 'location' && typeof value === 'string') {
      res.setHeader('location', rewriteLocation(value, devpiOrigins));
    } else {
      res.setHeader(name, value);
    }
  }
}
