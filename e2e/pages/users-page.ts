import type { Locator, Page } from '@playwright/test';

export interface NewUser {
  username: string;
  password: string;
  email?: string;
  title?: string;
  description?: string;
}

export class UsersPage {
  readonly createForm: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'Create user' });
    this.table = page.getByRole('table', { name: 'Users' });
  }

  /**
   * Sets root's password as a signed-in root: from the warning a fresh devpi (no password yet)
   * shows on every root screen with its one-step fix (`banner`), or on root's account screen,
   * which works whatever the password was (`account`).
   */
  async setRootPassword(newPassword: string, where: 'banner' | 'account'): Promise<void> {
    const form = where === 'banner'
      ? this.page.getByRole('main').getByRole('alert').filter({ hasText: 'root has no password' }).getByRole('form', { name: 'Set root password' })
      : this.page.getByRole('form', { name: 'Change my password' });
    if (where === 'account') await this.page.goto('users/root/password');
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Repeat new password').fill(newPassword);
    await form.getByRole('button').click();
  }

  async gotoList(): Promise<void> {
    await this.page.goto('users');
  }

  /** The way an admin gets there: the users list's "Create user". */
  async gotoCreate(): Promise<void> {
    await this.gotoList();
    await this.page.getByRole('main').getByRole('link', { name: 'Create user' }).click();
  }

  async gotoDetail(user: string): Promise<void> {
    await this.page.goto(`users/${encodeURIComponent(user)}`);
  }

  async fillCreate(user: NewUser, repeat = user.password): Promise<void> {
    const form = this.createForm;
    await form.getByLabel('Username').fill(user.username);
    if (user.email) await form.getByLabel('Email').fill(user.email);
    await form.getByLabel('Password', { exact: true }).fill(user.password);
    await form.getByLabel('Repeat password').fill(repeat);
    if (user.title) await form.getByLabel('Title').fill(user.title);
    if (user.description) await form.getByLabel('Description').fill(user.description);
  }

  async create(user: NewUser): Promise<void> {
    await this.fillCreate(user);
    await this.createForm.getByRole('button', { name: 'Create user' }).click();
  }

  row(user: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: user, exact: true }) });
  }

  /** Opens the typed confirmation on the user's page; nothing is deleted until `confirmDelete`. */
  async startDelete(user: string): Promise<Locator> {
    await this.gotoDetail(user);
    await this.page.getByRole('button', { name: 'Delete user' }).first().click();
    return this.page.getByRole('dialog', { name: `Delete user ${user}?` });
  }

  async confirmDelete(dialog: Locator, user: string): Promise<void> {
    await dialog.getByLabel(`Type ${user} to confirm`).fill(user);
    await dialog.getByRole('button', { name: 'Delete user' }).click();
  }
}
