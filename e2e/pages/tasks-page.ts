// The Tasks section of a supervisor's status page: a task's row, and the panel that opens its report or log.
import type { Locator, Page } from '@playwright/test';

export class TasksSection {
  readonly table: Locator;
  readonly panel: Locator;
  readonly rowCounts: Locator;
  readonly parseExceptions: Locator;
  readonly log: Locator;
  readonly following: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Tasks' });
    this.panel = page.getByRole('region', { name: /^Task / });
    this.rowCounts = this.panel.getByRole('table', { name: 'Row counts' });
    this.parseExceptions = this.panel.getByRole('table', { name: 'Parse exceptions' });
    this.log = this.panel.getByLabel('Task log');
    this.following = this.panel.getByRole('status').filter({ hasText: 'following' });
  }

  /** The first task row whose status is `status`. */
  row(status: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: status, exact: true }) }).first();
  }

  open(row: Locator, view: 'Report' | 'Log'): Promise<void> {
    return row.getByRole('button', { name: new RegExp(`^${view} of `) }).click();
  }

  tab(view: 'Report' | 'Log'): Locator {
    return this.panel.getByRole('tab', { name: view });
  }
}
