/**
 * Credentials for devpi. A login token goes in `X-Devpi-Auth` (devpi-client's way); a password goes
 * in HTTP Basic (twine's and pip's way).
 */
export type DevpiAuth = { user: string; token: string } | { user: string; password: string };

/** Base64 of UTF-8 text using only web APIs, so it runs in browsers and Node alike. */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The headers that carry `auth`, as devpi-client (`set_devpi_auth_header`) or twine send them. */
export function authHeaders(auth: DevpiAuth | undefined): Record<string, string> {
  if (auth === undefined) return {};
  if ('token' in auth) return { 'X-Devpi-Auth': base64Utf8(`${auth.user}:${auth.token}`) };
  return { Authorization: `Basic ${base64Utf8(`${auth.user}:${auth.password}`)}` };
}
