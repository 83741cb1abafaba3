// Page object for the Load wizard's first two steps: topic list, topic page, sample, paste.
import { expect, type Locator, type Page } from '@playwright/test';

export class LoadPage {
  readonly topicFilter: Locator;
  readonly topicRows: Locator;
  readonly sampleStatus: Locator;
  readonly sampleSummary: Locator;
  readonly sampleCounts: Locator;
  readonly progressBar: Locator;
  readonly records: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.topicFilter = page.getByLabel('Find a topic');
    this.topicRows = page.locator('tbody tr');
    this.sampleStatus = page.getByTestId('sample-status');
    this.sampleSummary = page.getByTestId('sample-summary');
    this.sampleCounts = page.getByTestId('sample-counts');
    this.progressBar = page.getByRole('progressbar', { name: 'Messages read' });
    this.records = page.getByRole('table', { name: 'Sampled messages' }).locator('tbody tr');
    this.alert = page.getByRole('main').getByRole('alert');
  }

  /** Opens Load the way a user does: from the header's navigation. */
  async openFromNav(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Load' }).click();
    await expect(this.topicFilter).toBeVisible();
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/load${query}`);
  }

  async findTopic(text: string): Promise<void> {
    await this.topicFilter.fill(text);
  }

  topicLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  async openTopic(name: string): Promise<void> {
    await this.topicLink(name).click();
    await expect(this.page.getByRole('heading', { name: `Topic ${name}` })).toBeVisible();
  }

  async sampleFrom(choice: 'From earliest' | 'Latest messages' | 'From a time' | 'From offsets', options: { limit?: number; time?: Date } = {}): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Sample settings' });
    await form.getByLabel(choice).check();
    if (options.time) await form.getByLabel('Time (UTC)').fill(options.time.toISOString().slice(0, 19));
    if (options.limit !== undefined) await form.getByLabel(/^Messages/).fill(String(options.limit));
    await form.getByRole('button', { name: /Sample|Restart sample/ }).click();
  }

  async waitForSampleEnd(): Promise<void> {
    await expect(this.sampleStatus).not.toHaveText('Sampling…', { timeout: 30_000 });
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel' }).click();
  }

  async paste(text: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Paste or upload messages instead' }).click();
    await this.page.getByLabel('Messages, one per line').fill(text);
  }

  async upload(name: string, content: string, mimeType = 'text/plain'): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }
}
