/** Methods the proxy forwards; anything else (TRACE, CONNECT, OPTIONS, WebDAV verbs) is refused. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Percent-encodings that could become `.`, `/`, `\` or NUL after devpi decodes the path. */
const DANGEROUS_ENCODINGS = /%(2e|2f|5c|00)/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Why the request target (below the proxy mount) may not go to devpi, or undefined if it may.
 * Refusing instead of normalising means no encoding trick can reach a different devpi path than
 * the one the browser showed, and nothing outside devpi's tree at all.
 */
export function refusePath(target: string): string | undefined {
  if (!target.startsWith('/')) return 'the path must start with /';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (path.startsWith('//')) return 'absolute URLs are not allowed';
  if (path.includes('\\')) return 'backslashes are not allowed';
  if (path.includes('//')) return 'empty path segments are not allowed';
  if (DANGEROUS_ENCODINGS.test(path)) return 'encoded dots, slashes and backslashes are not allowed';
  if (CONTROL_CHARS.test(target)) return 'control characters are not allowed';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'dot segments are not allowed';
  // devpi-server 6.19.1 answers any path whose escapes are not UTF-8 (`%c0%ae`) with a bare 500
  // from waitress (its request logger cannot decode the path), so such a path is refused here.
  if (!decodesAsUtf8(path)) return 'the path is not percent-encoded UTF-8';
  return undefined;
}

function decodesAsUtf8(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** `/<user>/<index>` (optionally with a trailing slash): the URL devpi's index PATCH listens on. */
export function isIndexPath(target: string): boolean {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  return /^\/[^/+][^/]*\/[^/+][^/]*\/?$/.test(path);
}
