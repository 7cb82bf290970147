import { PREFERENCE_COOKIE_PREFIX } from '@devpi-dashboard/dashboard-api/constants';
import { BASENAME } from '../config/paths';
import { serverRender } from './server-render';

/*
 * The user's choices on this browser (the theme, a folded banner): kept in localStorage, and
 * mirrored in a cookie of the same name, so that a page the BFF renders (the landing page) shows
 * them too instead of changing under the user once the SPA runs. Keys start with
 * PREFERENCE_COOKIE_PREFIX: the BFF passes exactly those cookies to the server render.
 */

const MAX_AGE_S = 400 * 24 * 60 * 60;

export function readPreference(key: string): string | null {
  // On the server: the choices the BFF passed to the render in progress.
  const render = serverRender();
  if (render) return render.preferences[key] ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be disabled (privacy modes): nothing was chosen, as far as this page knows.
    return null;
  }
}

function writeCookie(key: string, value: string | null): void {
  const cookie = `${key}=${value === null ? '' : encodeURIComponent(value)}; Path=${BASENAME}/; SameSite=Lax`;
  document.cookie = `${cookie}; Max-Age=${value === null ? 0 : MAX_AGE_S}`;
}

/** Stores a choice (null forgets it), in localStorage and in its cookie. */
export function storePreference(key: string, value: string | null): void {
  if (!key.startsWith(PREFERENCE_COOKIE_PREFIX)) throw new Error(`preference keys start with ${PREFERENCE_COOKIE_PREFIX}: ${key}`);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not persisted in storage; the cookie may still be.
  }
  writeCookie(key, value);
}

/** Writes the cookies of the choices stored before the cookies existed (once per load, from app-main). */
export function mirrorStoredPreferences(): void {
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFERENCE_COOKIE_PREFIX)) writeCookie(key, localStorage.getItem(key));
    }
  } catch {
    // Storage disabled: nothing stored to mirror.
  }
}
