// Page object for the Load wizard's Parse, Time and Schema steps.
import { expect, type Locator, type Page } from '@playwright/test';

export class LoadSchemaPage {
  readonly detectedFormat: Locator;
  readonly parseSummary: Locator;
  readonly headerLine: Locator;
  readonly candidates: Locator;
  readonly histogram: Locator;
  readonly rollupSummary: Locator;
  readonly rollup: Locator;

  constructor(readonly page: Page) {
    this.detectedFormat = page.getByTestId('detected-format');
    this.parseSummary = page.getByTestId('parse-summary');
    this.headerLine = page.getByTestId('header-line');
    this.candidates = page.getByRole('list', { name: 'Timestamp candidates' }).getByRole('listitem');
    this.histogram = page.getByTestId('event-time-histogram');
    this.rollupSummary = page.getByTestId('rollup-summary');
    this.rollup = page.getByLabel('Rollup', { exact: true });
  }

  /** From a finished sample, on to Parse. */
  async continueToParse(): Promise<void> {
    await this.page.getByRole('button', { name: /^Next: parse/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Parse the messages' })).toBeVisible();
    await expect(this.detectedFormat).toBeVisible({ timeout: 30_000 });
  }

  async continueToTime(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next: time' }).click();
    await expect(this.page.getByRole('heading', { name: 'Choose the event time' })).toBeVisible();
  }

  async continueToSchema(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next: schema' }).click();
    await expect(this.page.getByRole('heading', { name: 'Shape the schema' })).toBeVisible();
  }

  async setLateWindow(period: string): Promise<void> {
    const input = this.page.getByLabel('Late-message window (lateMessageRejectionPeriod)');
    await input.fill(period);
    await input.press('Enter');
  }

  /** The event-time candidate currently picked. */
  pickedCandidate(): Locator {
    return this.candidates.filter({ has: this.page.getByRole('radio', { checked: true }) });
  }

  role(column: string): Locator {
    return this.page.getByLabel(`Role of ${column}`, { exact: true });
  }

  aggregator(column: string): Locator {
    return this.page.getByLabel(`Aggregator of ${column}`, { exact: true });
  }
}
