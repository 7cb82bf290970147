import type { Locator, Page } from '@playwright/test';

export interface NewStageIndex {
  owner: string;
  name: string;
  bases: string[];
  volatile: boolean;
}

export class IndexesPage {
  readonly createForm: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'Create index' });
  }

  async gotoList(): Promise<void> {
    await this.page.goto('indexes');
  }

  async gotoDetail(user: string, index: string): Promise<void> {
    await this.page.goto(`indexes/${encodeURIComponent(user)}/${encodeURIComponent(index)}`);
  }

  async gotoClientConfig(user: string, index: string): Promise<void> {
    await this.page.goto(`indexes/${encodeURIComponent(user)}/${encodeURIComponent(index)}/client`);
  }

  async createStage(index: NewStageIndex): Promise<void> {
    // From the owner's page, whose "Create index" fills in the owner.
    await this.page.goto(`users/${encodeURIComponent(index.owner)}`);
    await this.page.getByRole('main').getByRole('link', { name: 'Create index' }).click();
    const form = this.createForm;
    await form.getByLabel('Index name').fill(index.name);
    for (const base of index.bases) {
      await form.getByLabel('Index to add as a base').selectOption(base);
      await form.getByRole('button', { name: 'Add base' }).click();
    }
    await form.getByLabel('Volatile', { exact: true }).setChecked(index.volatile);
    await form.getByRole('button', { name: 'Create index' }).click();
  }
}
