/**
 * Resolves the client's base URL. Absolute URLs are used as they are; a path such as
 * `/+dashboard/api/devpi` is resolved against `locationHref` (the page's `location.href` in a
 * browser). Without a location a relative base stays relative, which browser `fetch` accepts.
 */
export function resolveBaseUrl(baseUrl: string, locationHref?: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (locationHref === undefined) return trimmed;
  return new URL(trimmed === '' ? '/' : trimmed, locationHref).href.replace(/\/+$/, '');
}

/** The current page's URL when running in a browser, without depending on DOM typings. */
export function currentLocationHref(): string | undefined {
  const location: unknown = Reflect.get(globalThis, 'location');
  if (typeof location !== 'object' || location === null) return undefined;
  const href: unknown = Reflect.get(location, 'href');
  return typeof href === 'string' ? href : undefined;
}

/**
 * Encodes one path segment (user, index, project or version name). `@` stays readable because
 * devpi names may contain it and servers decode it either way.
 */
export function segment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@');
}

/** Joins a resolved base URL and a devpi path (which starts with `/`) plus query flags. */
export function joinUrl(base: string, path: string, query?: Record<string, string | undefined>): string {
  const search = query === undefined ? '' : queryString(query);
  return `${base}${path.startsWith('/') ? path : `/${path}`}${search}`;
}

/**
 * devpi's flags are presence-only (`?no_projects=`), so they are written exactly as devpi-client
 * writes them: `key=` with an empty value.
 */
function queryString(query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** Where a `+links` / PEP 691 file URL points: its user, index and the `+f/...` path below the index. */
export interface FileLocation {
  user: string;
  index: string;
  path: string;
}

/**
 * Splits a devpi file URL (absolute `href` from `+links`, or a path) into user, index and
 * `+f/...` path, ignoring whatever prefix an outside URL added. Undefined if it is no `+f` URL.
 */
export function parseFileHref(href: string): FileLocation | undefined {
  const pathname = new URL(href, 'http://devpi.invalid/').pathname;
  const parts = pathname.split('/');
  const at = parts.indexOf('+f');
  if (at < 2) return undefined;
  const user = parts[at - 2];
  const index = parts[at - 1];
  if (user === undefined || index === undefined || user === '' || index === '') return undefined;
  return { user: decodeURIComponent(user), index: decodeURIComponent(index), path: parts.slice(at).join('/') };
}
