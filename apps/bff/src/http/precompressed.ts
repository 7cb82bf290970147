import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Encodings the web build writes next to each file (apps/web/vite/precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** The extensions the build precompresses; everything else is served as it is. */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map']);

/**
 * The q-value a client gives an encoding in Accept-Encoding (RFC 9110 §12.5.3): its own entry,
 * else `*`, else 0. Without the header at all nothing but identity is safe.
 */
function quality(header: string, encoding: Encoding): number {
  let star = 0;
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const value = Number.isFinite(q) ? q : 0;
    if (token === encoding) return value;
    if (token === '*') star = value;
  }
  return star;
}

/** The encoding to send for this Accept-Encoding, preferring brotli (smaller) on a tie. */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  let best: { name: Encoding; q: number } | undefined;
  for (const { name } of ENCODINGS) {
    if (!available.includes(name)) continue;
    const q = quality(header, name);
    if (q > 0 && (best === undefined || q > best.q)) best = { name, q };
  }
  return best?.name;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Sends `<file>.br` or `<file>.gz` in place of `<file>` when the client accepts it, with the
 * original file's Content-Type and `Vary: Accept-Encoding` (so a shared cache never hands brotli
 * to a client that asked for identity). Returns false, having sent nothing but the Vary header,
 * when the file is not compressible, has no precompressed twin or the client takes neither.
 */
export function sendPrecompressed(req: Request, res: Response, next: NextFunction, file: string, setHeaders: (res: Response) => void): boolean {
  if (!COMPRESSIBLE.has(extname(file))) return false;
  res.vary('Accept-Encoding');
  const available = ENCODINGS.filter(({ suffix }) => isFile(file + suffix)).map(({ name }) => name);
  const encoding = chooseEncoding(req.get('Accept-Encoding'), available);
  if (encoding === undefined || !isFile(file)) return false;
  const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
  // Set first: send() keeps a Content-Type already set instead of guessing one from ".br".
  res.type(extname(file));
  res.setHeader('Content-Encoding', encoding);
  setHeaders(res);
  res.sendFile(file + suffix, { cacheControl: false, dotfiles: 'deny' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
  return true;
}

/** Middleware form of sendPrecompressed for every file under `root`; falls through otherwise. */
export function precompressed(root: string, setHeaders: (res: Response) => void): RequestHandler {
  const base = normalize(root);
  return function servePrecompressed(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(base, relative));
    if (file !== base && !file.startsWith(base + sep)) return next();
    if (!sendPrecompressed(req, res, next, file, setHeaders)) next();
  };
}
