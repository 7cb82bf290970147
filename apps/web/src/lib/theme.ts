import { THEME_COOKIE } from '@devpi-dashboard/dashboard-api/constants';
import { useCallback, useSyncExternalStore } from 'react';
import { readPreference, storePreference } from './preferences';

export type ThemeChoice = 'light' | 'dark' | 'system';

/** localStorage key and cookie name: the BFF reads the cookie to paint a page it renders in this theme. */
const STORAGE_KEY = THEME_COOKIE;
const listeners = new Set<() => void>();

function readStored(): ThemeChoice {
  const value = readPreference(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The choice on <html>; CSS falls back to prefers-color-scheme for 'system'. */
function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Puts the stored choice on <html>. */
export function applyStoredTheme(): void {
  apply(readStored());
}

export function setTheme(choice: ThemeChoice): void {
  storePreference(STORAGE_KEY, choice === 'system' ? null : choice);
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
  const theme = useSyncExternalStore(subscribe, effectiveTheme, () => (readStored() === 'dark' ? 'dark' : 'light'));
  const choice = useSyncExternalStore(subscribe, readStored, readStored);
  const toggle = useCallback(() => setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark'), []);
  return { theme, choice, toggle, choose: setTheme };
}
