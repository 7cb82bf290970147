import type { Locator, Page } from '@playwright/test';

/** The Tokens screen: pick whose tokens (root), create one, read it once, revoke it. */
export class TokensPage {
  readonly form: Locator;
  readonly newToken: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: /^Create a token for / });
    this.newToken = page.getByRole('region', { name: /^Token \S+ for / });
    this.list = page.getByRole('table', { name: /^Tokens of / });
  }

  async goto(user?: string): Promise<void> {
    await this.page.goto(user === undefined ? 'tokens' : `tokens?user=${encodeURIComponent(user)}`);
  }

  permission(label: string): Locator {
    return this.form.getByRole('checkbox', { name: label });
  }

  async addIndex(name: string): Promise<void> {
    const box = this.form.getByLabel('Only on these indexes', { exact: true });
    await box.fill(name);
    await box.press('Enter');
  }

  /** The token as shown once, right after creating it. */
  async tokenValue(): Promise<string> {
    return (await this.newToken.getByLabel('The new token').textContent())?.trim() ?? '';
  }

  snippet(title: string): Locator {
    return this.newToken.getByRole('region', { name: title, exact: true });
  }

  row(id: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: id, exact: true }) });
  }
}
