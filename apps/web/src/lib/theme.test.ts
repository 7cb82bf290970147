import { afterEach, describe, expect, it, vi } from 'vitest';
import { mirrorStoredPreferences } from './preferences';
import { setTheme, applyStoredTheme } from './theme';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme', () => {
  it('remembers an explicit choice and applies it on the next load', () => {
    setTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    delete document.documentElement.dataset.theme;
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('falls back to the system preference when set to system', () => {
    setTheme('light');
    setTheme('system');
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('devpi-dashboard-theme')).toBeNull();
  });

  it('mirrors the choice in a cookie, so a page the server renders paints in it', () => {
    const written = vi.spyOn(document, 'cookie', 'set');
    setTheme('dark');
    expect(written).toHaveBeenLastCalledWith(expect.stringMatching(/^devpi-dashboard-theme=dark; Path=\/\+dashboard\/; SameSite=Lax; Max-Age=\d+$/));
    setTheme('system');
    expect(written).toHaveBeenLastCalledWith(expect.stringMatching(/^devpi-dashboard-theme=; .*Max-Age=0$/));
    // A choice stored before the cookie existed is written on the next load.
    localStorage.setItem('devpi-dashboard-theme', 'light');
    localStorage.setItem('unrelated', 'x');
    mirrorStoredPreferences();
    expect(written.mock.calls.map(([cookie]) => cookie.split(';')[0])).toEqual(['devpi-dashboard-theme=dark', 'devpi-dashboard-theme=', 'devpi-dashboard-theme=light']);
  });
});
