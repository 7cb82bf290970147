import type { Locator, Page } from '@playwright/test';

const SPECIAL: Record<string, string> = {
  ':AUTHENTICATED:': 'Any signed-in user (:AUTHENTICATED:)',
  ':ANONYMOUS:': 'Anyone, even without signing in (:ANONYMOUS:)',
};

/** One index's upload permissions (acl_upload): each change is one list operation. */
export class PermissionsPage {
  readonly uploaders: Locator;
  readonly addForm: Locator;
  readonly add: Locator;

  constructor(readonly page: Page) {
    this.uploaders = page.getByRole('list', { name: 'Who may upload packages (acl_upload)' });
    this.addForm = page.getByRole('form', { name: 'Add uploader' });
    this.add = this.addForm.getByRole('button', { name: 'Add uploader' });
  }

  async goto(user: string, index: string): Promise<void> {
    await this.page.goto(`indexes/${encodeURIComponent(user)}/${encodeURIComponent(index)}/permissions`);
  }

  /** A user name, `:AUTHENTICATED:`, `:ANONYMOUS:` or a `:group`. */
  async addUploader(principal: string): Promise<void> {
    const who = this.addForm.getByLabel('Who');
    const special = SPECIAL[principal];
    if (special !== undefined) {
      await who.selectOption({ label: special });
    } else if (principal.startsWith(':')) {
      await who.selectOption({ label: 'A group from an auth plugin (:group)' });
      await this.addForm.getByLabel('Group name').fill(principal.slice(1));
    } else {
      await who.selectOption({ label: 'A user' });
      await this.addForm.getByLabel('User name').fill(principal);
    }
    await this.add.click();
  }

  async removeUploader(principal: string): Promise<void> {
    await this.uploaders.getByRole('button', { name: `Remove uploader ${principal}` }).click();
  }

  uploader(principal: string): Locator {
    return this.uploaders.getByRole('listitem').filter({ hasText: principal });
  }
}
