import { THEME_COOKIE } from '@devpi-dashboard/dashboard-api/constants';
import { useCallback, useSyncExternalStore } from 'react';
import { BASENAME } from '../config/paths';

export type ThemeChoice = 'light' | 'dark' | 'system';

const STORAGE_KEY = 'devpi-dashboard-theme';
const listeners = new Set<() => void>();

function readStored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    // Storage can be disabled (privacy modes); the system preference still applies.
    return 'system';
  }
}

/** The choice on <html> (CSS falls back to prefers-color-scheme for 'system'), and in a cookie the BFF reads when it renders a page. */
function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  const cookie = `${THEME_COOKIE}=${choice}; Path=${BASENAME}/; SameSite=Lax`;
  document.cookie = choice === 'system' ? `${cookie}; Max-Age=0` : `${cookie}; Max-Age=${400 * 24 * 60 * 60}`;
}

/** Puts the stored choice on <html> (and in the cookie, for choices stored before it existed). */
export function applyStoredTheme(): void {
  apply(readStored());
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not persisted, but still applied for this page.
  }
  apply(choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}

function effectiveTheme(): 'light' | 'dark' {
  const choice = readStored();
  if (choice !== 'system') return choice;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme in effect, the stored choice (which may be 'system'), a toggle and a setter. */
export function useTheme(): { theme: 'light' | 'dark'; choice: ThemeChoice; toggle: () => void; choose: (choice: ThemeChoice) => void } {
  const theme = useSyncExternalStore(subscribe, effectiveTheme, () => 'light' as const);
  const choice = useSyncExternalStore(subscribe, readStored, () => 'system' as const);
  const toggle = useCallback(() => setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark'), []);
  return { theme, choice, toggle, choose: setTheme };
}
