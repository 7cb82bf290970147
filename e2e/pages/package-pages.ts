import type { Locator, Page } from '@playwright/test';

const seg = encodeURIComponent;

/** The browsing screens: an index's projects, a project's versions, one version. */
export class PackagePages {
  readonly description: Locator;
  readonly files: Locator;

  constructor(readonly page: Page) {
    this.description = page.getByRole('region', { name: 'Description' });
    this.files = page.getByRole('table', { name: 'Files' });
  }

  async gotoIndex(user: string, index: string): Promise<void> {
    await this.page.goto(`browse/${seg(user)}/${seg(index)}`);
  }

  async gotoProject(user: string, index: string, project: string): Promise<void> {
    await this.page.goto(`browse/${seg(user)}/${seg(index)}/${seg(project)}`);
  }

  async gotoVersion(user: string, index: string, project: string, version: string): Promise<void> {
    await this.page.goto(`browse/${seg(user)}/${seg(index)}/${seg(project)}/${seg(version)}`);
  }

  fileRow(filename: string): Locator {
    return this.files.getByRole('row').filter({ hasText: filename });
  }
}
