// Page object for Operate: the supervisors dashboard and a supervisor's status page.
import { expect, type Locator, type Page } from '@playwright/test';

export class SupervisorsDashboard {
  readonly table: Locator;
  readonly filter: Locator;
  readonly stateFilter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Supervisors' });
    this.filter = page.getByLabel('Find a supervisor');
    this.stateFilter = page.getByLabel('State');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/supervisors${query}`);
  }

  row(id: string): Locator {
    return this.table.locator(`tr[data-supervisor="${id}"]`);
  }

  state(id: string): Locator {
    return this.row(id).getByTestId('state-badge');
  }

  lag(id: string): Locator {
    return this.row(id).getByTestId('lag');
  }

  async openSupervisor(id: string): Promise<SupervisorStatusPage> {
    await this.row(id).getByRole('link', { name: id, exact: true }).click();
    const status = new SupervisorStatusPage(this.page, id);
    await expect(status.heading).toBeVisible();
    return status;
  }
}

export class SupervisorStatusPage {
  readonly heading: Locator;
  readonly state: Locator;
  readonly actions: Locator;
  readonly partitions: Locator;
  readonly lagChart: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly id: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: id });
    this.state = page.getByRole('main').locator('header').getByTestId('state-badge');
    this.actions = page.getByRole('group', { name: 'Supervisor actions' });
    this.partitions = page.getByRole('table', { name: 'Partitions' }).locator('tbody tr');
    this.lagChart = page.getByRole('figure', { name: 'Lag over time' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto(`/supervisors/${encodeURIComponent(this.id)}`);
    await expect(this.heading).toBeVisible();
  }

  action(name: 'Suspend' | 'Resume' | 'Hand off now' | 'Move offsets…' | 'Reset…' | 'Terminate…'): Locator {
    return this.actions.getByRole('button', { name, exact: true });
  }
}
