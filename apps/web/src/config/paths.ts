/**
 * Every URL of the SPA, in one place. `pattern` is what the router matches (relative to the
 * basename); `to(...)` builds a link with each segment encoded. Nothing else spells a path.
 */
export const BASENAME = '/+dashboard';

const seg = encodeURIComponent;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const paths = {
  home: { pattern: '/', to: () => '/' },
  login: {
    pattern: '/login',
    to: (next?: string) => withQuery('/login', { next }),
  },
  account: {
    password: { pattern: '/account/password', to: () => '/account/password' },
  },
  users: {
    list: { pattern: '/users', to: (q?: string) => withQuery('/users', { q }) },
    // `+new`: devpi names cannot start with `+`, so no user called "new" is ever shadowed.
    create: { pattern: '/users/+new', to: () => '/users/+new' },
    detail: { pattern: '/users/:user', to: (user: string) => `/users/${seg(user)}` },
    edit: { pattern: '/users/:user/edit', to: (user: string) => `/users/${seg(user)}/edit` },
    password: { pattern: '/users/:user/password', to: (user: string) => `/users/${seg(user)}/password` },
    json: { pattern: '/users/:user/json', to: (user: string) => `/users/${seg(user)}/json` },
  },
  indexes: {
    list: { pattern: '/indexes', to: () => '/indexes' },
    create: { pattern: '/indexes/+new', to: (owner?: string) => withQuery('/indexes/+new', { owner }) },
    detail: {
      pattern: '/indexes/:user/:index',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}`,
    },
    edit: {
      pattern: '/indexes/:user/:index/edit',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/edit`,
    },
    permissions: {
      pattern: '/indexes/:user/:index/permissions',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/permissions`,
    },
    clientConfig: {
      pattern: '/indexes/:user/:index/client',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/client`,
    },
    licences: {
      pattern: '/indexes/:user/:index/licences',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/licences`,
    },
    history: {
      pattern: '/indexes/:user/:index/history',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/history`,
    },
    json: {
      pattern: '/indexes/:user/:index/json',
      to: (user: string, index: string) => `/indexes/${seg(user)}/${seg(index)}/json`,
    },
  },
  permissions: {
    matrix: {
      pattern: '/permissions',
      to: (user?: string, index?: string) => withQuery('/permissions', { user, index }),
    },
  },
  status: { pattern: '/status', to: () => '/status' },
  /** devpi-tokens: your tokens; root may pick any user (`?user=`). */
  tokens: { pattern: '/tokens', to: (user?: string) => withQuery('/tokens', { user }) },
  storage: { pattern: '/storage', to: () => '/storage' },
  jobs: {
    list: { pattern: '/jobs', to: () => '/jobs' },
    create: { pattern: '/jobs/new/:kind', to: (kind: string, query: Record<string, string | undefined> = {}) => withQuery(`/jobs/new/${seg(kind)}`, query) },
    detail: { pattern: '/jobs/:id', to: (id: string) => `/jobs/${seg(id)}` },
  },
  vulnerabilities: {
    pattern: '/vulnerabilities',
    to: (filter: { index?: string; severity?: string } = {}) => withQuery('/vulnerabilities', filter),
  },
  supply: { pattern: '/supply', to: (index?: string) => withQuery('/supply', { index }) },
  history: {
    pattern: '/history',
    to: (filter: { actor?: string; user?: string; index?: string; project?: string } = {}) => withQuery('/history', filter),
  },
  // Package browsing and search (screens in app/routes/packages and app/routes/search.tsx).
  packages: {
    index: {
      pattern: '/browse/:user/:index',
      to: (user: string, index: string) => `/browse/${seg(user)}/${seg(index)}`,
    },
    project: {
      pattern: '/browse/:user/:index/:project',
      to: (user: string, index: string, project: string) => `/browse/${seg(user)}/${seg(index)}/${seg(project)}`,
    },
    version: {
      pattern: '/browse/:user/:index/:project/:version',
      to: (user: string, index: string, project: string, version: string) =>
        `/browse/${seg(user)}/${seg(index)}/${seg(project)}/${seg(version)}`,
    },
    search: { pattern: '/search', to: (q?: string) => withQuery('/search', { q }) },
  },
} as const;

/** Turns an in-app path into the browser URL (for full-page navigation outside the router). */
export function appUrl(path: string): string {
  return `${BASENAME}${path === '/' ? '/' : path}`;
}

/** Strips the basename from `location.pathname` so it can go into `?next=`. */
export function inAppPath(location: { pathname: string; search: string }): string {
  const path = location.pathname.startsWith(BASENAME) ? location.pathname.slice(BASENAME.length) : location.pathname;
  return `${path || '/'}${location.search}`;
}

/** Only follow `next` when it is an in-app path, so a crafted login link cannot send users elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return paths.home.to();
  return next;
}

/** Splits devpi's "user/index" into the two segments the index paths take. */
export function indexParts(name: string): [user: string, index: string] {
  const slash = name.indexOf('/');
  return slash < 0 ? [name, ''] : [name.slice(0, slash), name.slice(slash + 1)];
}
