import type { Locator, Page } from '@playwright/test';

/** One index's upload permissions (acl_upload): each change is one list operation. */
export class PermissionsPage {
  readonly uploaders: Locator;
  readonly principal: Locator;
  readonly add: Locator;

  constructor(readonly page: Page) {
    this.uploaders = page.getByRole('list', { name: 'Uploaders' });
    this.principal = page.getByLabel('User or group');
    this.add = page.getByRole('button', { name: 'Add uploader' });
  }

  async goto(user: string, index: string): Promise<void> {
    await this.page.goto(`indexes/${encodeURIComponent(user)}/${encodeURIComponent(index)}/permissions`);
  }

  async addUploader(principal: string): Promise<void> {
    await this.principal.fill(principal);
    await this.add.click();
  }

  async removeUploader(principal: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${principal}` }).click();
  }

  uploader(principal: string): Locator {
    return this.uploaders.getByRole('listitem').filter({ hasText: principal });
  }
}
