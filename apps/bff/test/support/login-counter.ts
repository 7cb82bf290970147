import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through proxy in front of devpi that counts the login attempts (and the other
 * state-changing requests) devpi actually receives, so tests measure what reached devpi, not
 * what the BFF says it let through.
 */
export async function loginCounter(devpiUrl: string) {
  const upstream = new URL(devpiUrl);
  let logins = 0;
  let mutations = 0;
  const server = createServer((req, res) => {
    const login = req.method === 'POST' && (req.url ?? '').endsWith('/+login');
    if (login) logins += 1;
    else if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')) mutations += 1;
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logins: () => logins,
    /** Requests other than logins, reads and OPTIONS. */
    mutations: () => mutations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
