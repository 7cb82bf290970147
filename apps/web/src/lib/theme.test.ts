import { afterEach, describe, expect, it } from 'vitest';
import { applyStoredTheme, setTheme } from './theme';

afterEach(() => {
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
});
