/** Base path of the whole dashboard; devpi names cannot start with `+`, so it never collides. */
export const DASHBOARD_BASE = '/+dashboard';
/** Base path of the BFF's JSON API. */
export const API_BASE = `${DASHBOARD_BASE}/api`;
/** Base path of the streaming proxy to devpi: `${DEVPI_PROXY_BASE}/<devpi path>`. */
export const DEVPI_PROXY_BASE = `${API_BASE}/devpi`;

/** Header every state-changing request must carry (CSRF defence), with value `1`. */
export const CSRF_HEADER = 'X-Devpi-Dashboard';
export const CSRF_HEADER_VALUE = '1';

/** Every route of the dashboard's own API, relative to the server root. */
export const apiPaths = {
  session: `${API_BASE}/session`,
  config: `${API_BASE}/config`,
  users: `${API_BASE}/users`,
  indexes: `${API_BASE}/indexes`,
  uploadMatrix: `${API_BASE}/permissions/upload-matrix`,
  uploadExplain: `${API_BASE}/permissions/upload-explain`,
} as const;

/** The proxy URL for a devpi path such as `/root/pypi/+simple/`. */
export function devpiProxyPath(devpiPath: string): string {
  return `${DEVPI_PROXY_BASE}${devpiPath.startsWith('/') ? '' : '/'}${devpiPath}`;
}

/** Where the supply-chain API lives (dependency-confusion guard, bases graph, resolution). */
export const supplyApiBase = `${API_BASE}/supply`;

const seg = encodeURIComponent;
export const supplyApiPaths = {
  guard: `${supplyApiBase}/guard`,
  graph: `${supplyApiBase}/graph`,
  resolve: (user: string, index: string) => `${supplyApiBase}/resolve/${seg(user)}/${seg(index)}`,
} as const;
