import type { Locator, Page } from '@playwright/test';

/** What every screen has: the main navigation, the top bar with the signed-in user and the theme. */
export class AppShell {
  readonly nav: Locator;
  readonly topbar: Locator;
  readonly main: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.topbar = page.getByRole('banner');
    this.main = page.getByRole('main');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name });
  }

  currentUser(name: string): Locator {
    return this.topbar.getByText(name, { exact: true });
  }

  heading(name: string | RegExp): Locator {
    return this.main.getByRole('heading', { level: 1, name });
  }

  /** An error or warning message shown in the main area. */
  alert(text: string | RegExp): Locator {
    return this.main.getByRole('alert').filter({ hasText: text });
  }
}
