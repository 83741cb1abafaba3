// Page object for the Query page: editor, mode switch, run and cancel, results, side panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class QueryPage {
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly resultRows: Locator;
  readonly resultHeaders: Locator;
  readonly chart: Locator;
  readonly chartNote: Locator;
  readonly errorUnderline: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('query-editor').locator('.cm-content');
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.status = page.getByTestId('run-status');
    this.error = page.getByTestId('query-error');
    const table = page.getByRole('table', { name: 'Query results' });
    this.resultRows = table.locator('tbody tr');
    this.resultHeaders = table.locator('thead th');
    this.chart = page.getByTestId('query-chart');
    this.chartNote = page.getByTestId('chart-note');
    this.errorUnderline = page.getByTestId('query-editor').locator('.cm-lintRange-error');
  }

  async open(search = ''): Promise<void> {
    await this.page.goto(`/query${search}`);
    await expect(this.editor).toBeVisible();
  }

  async mode(name: 'SQL' | 'Native JSON'): Promise<void> {
    await this.page.getByRole('radio', { name }).click();
    await expect(this.page.getByRole('radio', { name })).toHaveAttribute('aria-checked', 'true');
  }

  /** Replaces the editor's text as a paste would (no auto-closed brackets or completions). */
  async write(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async text(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, ' ');
  }

  async run(how: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (how === 'keyboard') {
      await this.editor.click();
      await this.page.keyboard.press('ControlOrMeta+Enter');
    } else await this.runButton.click();
  }

  async waitForResult(): Promise<void> {
    await expect(this.status).toHaveText(/rows? in /, { timeout: 30_000 });
  }

  cell(row: number, column: number): Locator {
    return this.resultRows.nth(row).locator('td').nth(column);
  }

  async sidePanelTab(name: 'Datasources' | 'Examples' | 'History'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(name, 'i') }).click();
  }
}
