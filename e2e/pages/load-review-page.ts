// Page object for the Load wizard's review step: supervisor settings, the spec editor and its
// problems, the diff against a running supervisor, submit; and the drafts list on the first step.
import { expect, type Locator, type Page } from '@playwright/test';

export class LoadReviewPage {
  readonly heading: Locator;
  readonly settings: Locator;
  readonly datasource: Locator;
  readonly taskCount: Locator;
  readonly taskDuration: Locator;
  readonly startFromEarliestOffset: Locator;
  readonly editor: Locator;
  readonly problems: Locator;
  readonly submitButton: Locator;
  readonly submitBlocked: Locator;
  readonly specChanges: Locator;
  readonly drafts: Locator;
  readonly druidAnswer: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: /^(Review and submit|Edit supervisor)/ });
    this.settings = page.getByRole('form', { name: 'Supervisor settings' });
    this.datasource = this.settings.getByLabel('Datasource');
    this.taskCount = this.settings.getByLabel('Task count');
    this.taskDuration = this.settings.getByLabel('Task duration');
    this.startFromEarliestOffset = this.settings.getByLabel(/^Earliest offset/);
    this.editor = page.getByRole('textbox', { name: 'Supervisor spec JSON' });
    this.problems = page.getByLabel('Spec problems');
    this.submitButton = page.getByRole('region', { name: 'Submit' }).getByRole('button', { name: /^(Submit|Update supervisor)/ });
    this.submitBlocked = page.getByTestId('submit-blocked');
    this.specChanges = page.getByRole('table', { name: 'Spec changes' });
    this.drafts = page.getByRole('list', { name: 'Drafts' });
    this.druidAnswer = page.getByRole('status', { name: "Druid's answer" });
  }

  /** From a finished sample through Parse, Time and Schema, accepting what inference suggests. */
  async acceptInferredSchema(): Promise<void> {
    await this.page.getByRole('button', { name: /^Next: parse/ }).click();
    for (const next of ['Next: time', 'Next: schema', 'Next: review']) {
      await this.page.getByRole('button', { name: next }).click({ timeout: 30_000 });
    }
    await expect(this.heading).toBeVisible();
  }

  /** Replaces the editor's whole text, as a user pasting a spec does. */
  async replaceSpecText(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  draft(name: string): Locator {
    return this.drafts.getByRole('listitem', { name: `Draft ${name}` });
  }
}
