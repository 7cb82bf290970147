import { z } from 'zod';

/** A tiny raw-HTTP helper: these tests check the wire protocol itself, status codes included. */
export async function call(url: string, method: string, path: string, opts: { auth?: [string, string]; json?: unknown; accept?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', ...opts.headers };
  if (opts.auth) headers['X-Devpi-Auth'] = Buffer.from(`${opts.auth[0]}:${opts.auth[1]}`).toString('base64');
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const proxyauth = z.object({ result: z.object({ password: z.string() }) });

export async function loginToken(url: string, user: string, password: string): Promise<string> {
  const res = await call(url, 'POST', '/+login', { json: { user, password } });
  return proxyauth.parse(res.json).result.password;
}

const authstatus = z.object({ result: z.object({ authstatus: z.tuple([z.string(), z.string(), z.array(z.string())]) }) });

export async function whoami(url: string, auth: [string, string]): Promise<string> {
  const res = await call(url, 'GET', '/+api', { auth });
  return authstatus.parse(res.json).result.authstatus[1];
}

export const indexResult = z.object({ result: z.object({ projects: z.array(z.string()).optional() }).passthrough() });
