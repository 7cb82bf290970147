import http from 'node:http';
import https from 'node:https';

/**
 * One pooled keep-alive agent for everything the proxy sends to devpi. LIFO scheduling reuses
 * the warmest socket, so idle ones age out on devpi's side instead of being picked up stale.
 */
export function createDevpiAgent(devpiUrl: string): http.Agent {
  const options = { keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 64, scheduling: 'lifo' as const };
  return devpiUrl.startsWith('https:') ? new https.Agent(options) : new http.Agent(options);
}
