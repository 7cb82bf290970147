import { useCallback, useSyncExternalStore } from 'react';

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

/** Puts the stored choice on <html>; CSS falls back to prefers-color-scheme for 'system'. */
export function applyStoredTheme(): void {
  const choice = readStored();
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not persisted, but still applied for this page.
  }
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
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
