import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly form: Locator;
  readonly userName: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Sign in' });
    this.userName = this.form.getByLabel('User name');
    this.password = this.form.getByLabel('Password', { exact: true });
    this.submit = this.form.getByRole('button', { name: 'Sign in' });
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `login?next=${encodeURIComponent(next)}` : 'login');
  }

  async signIn(user: string, password: string): Promise<void> {
    await this.userName.fill(user);
    await this.password.fill(password);
    await this.submit.click();
  }
}
