// Page object for the Audit page and a status page's "Recent actions".
import type { Locator, Page } from '@playwright/test';

export class AuditPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly exportLink: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit trail' });
    this.rows = this.table.locator('tbody tr[data-audit-entry]');
    this.total = page.getByTestId('audit-total');
    this.exportLink = page.getByRole('link', { name: /as JSON lines/ });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
  }

  filter(name: 'User' | 'Supervisor' | 'Action' | 'Outcome' | 'From (UTC day)' | 'To (UTC day)'): Locator {
    return this.page.getByRole('form', { name: 'Audit filters' }).getByLabel(name, { exact: true });
  }

  outcome(row: number): Locator {
    return this.rows.nth(row).getByTestId('audit-outcome');
  }

  details(row: number): Locator {
    return this.rows.nth(row).getByRole('button', { name: 'Details' });
  }
}

export function recentActions(page: Page): Locator {
  return page.getByRole('region', { name: 'Recent actions' });
}
