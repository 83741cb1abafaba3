// The Query page against the local stack's Druid-compatible engine and its demo
// datasource web-clickstream (ingested from the web-clickstream topic).
import { expect, test } from '@playwright/test';
import { QueryPage } from './pages/query-page';

const DATASOURCE = 'web-clickstream';

test.describe('Query', () => {
  test.beforeEach(async ({ page }) => {
    // Ingestion may still be catching up right after the stack starts: wait until Druid has rows.
    await expect
      .poll(
        async () => {
          const response = await page.request.post('/api/query/sql', { data: { query: `SELECT COUNT(*) FROM "${DATASOURCE}"` } });
          if (!response.ok()) return 0;
          const rows = (await response.text()).split('\n').filter((line) => line.includes('"rows"'));
          return rows.length ? Number(JSON.parse(rows[0]).rows[0][0]) : 0;
        },
        { timeout: 90_000, intervals: [1_000, 2_000, 5_000] },
      )
      .toBeGreaterThan(0);
  });

  test('counts the rows of the demo datasource, and says why a single number gets no chart', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await query.write(`SELECT COUNT(*) AS "rows" FROM "${DATASOURCE}"`);
    await query.run();
    await query.waitForResult();
    await expect(query.status).toHaveText(/^1 row in /);
    await expect(query.resultHeaders).toHaveText([/rows\s*BIGINT/]);
    expect(Number(await query.cell(0, 0).innerText())).toBeGreaterThan(0);
    await expect(query.chartNote).toContainText('no time or category column');
  });

  test('stops at the row limit the user chose and says the result was truncated', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await page.getByLabel('Row limit').selectOption('1000');
    await query.write(`SELECT __time, "url", "user" FROM "${DATASOURCE}"`);
    await query.run();
    await query.waitForResult();
    await expect(query.status).toHaveText(/^1,000 rows in /);
    await expect(page.getByTestId('truncated-note')).toHaveText(/only the first 1,000 rows are shown/);
    await expect(page.getByText('Rows 1–100 of 1,000')).toBeVisible();
  });

  test('draws views per hour as a line over time, run with Ctrl-Enter', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await query.write(`SELECT TIME_FLOOR(__time, 'PT1H') AS "hour", SUM("views") AS "views"\nFROM "${DATASOURCE}"\nGROUP BY 1\nORDER BY 1`);
    await query.run('keyboard');
    await query.waitForResult();
    expect(await query.resultRows.count()).toBeGreaterThan(0);
    await expect(query.resultHeaders).toHaveText([/hour\s*TIMESTAMP/, /views\s*BIGINT/]);
    // __time reads as a UTC date and time, and counts are right-aligned numbers.
    await expect(query.cell(0, 0)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:00:00\.000$/);
    await expect(query.cell(0, 1)).toHaveClass(/text-right/);
    await expect(query.chart).toHaveAttribute('data-chart-kind', 'line');
    await expect(query.chart.locator('.recharts-line-curve').first()).toBeVisible();

    // The user can switch the chart to bars.
    await page.getByLabel('Chart type').selectOption('bar');
    await expect(query.chart.locator('.recharts-bar-rectangle').first()).toBeVisible();

    // Sorting by views, descending, puts the busiest hour first.
    await query.resultHeaders.nth(1).getByRole('button').click();
    await query.resultHeaders.nth(1).getByRole('button').click();
    const views = await query.resultRows.locator('td:nth-child(2)').allInnerTexts();
    expect(views.map(Number)).toEqual([...views.map(Number)].sort((a, b) => b - a));

    // Grouped by hour and url, each url gets its own line.
    await query.write(`SELECT TIME_FLOOR(__time, 'PT1H') AS "hour", "url", SUM("views") AS "views"\nFROM "${DATASOURCE}"\nGROUP BY 1, 2`);
    await query.run();
    await expect(page.getByLabel('Split by')).toHaveValue('url');
    await expect(query.chart).toHaveAttribute('data-chart-kind', 'line');
    expect(await query.chart.locator('.recharts-line').count()).toBeGreaterThan(1);
  });

  test('runs a native timeseries query and shows its rows', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await query.mode('Native JSON');
    await expect(page).toHaveURL(/mode=native/);
    await query.write(
      JSON.stringify({
        queryType: 'timeseries',
        dataSource: DATASOURCE,
        granularity: { type: 'period', period: 'PT1H' },
        aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }],
        intervals: ['2000-01-01T00:00:00.000Z/2100-01-01T00:00:00.000Z'],
      }),
    );
    await query.run();
    await query.waitForResult();
    expect(await query.resultRows.count()).toBeGreaterThan(0);
    await expect(query.resultHeaders.first()).toContainText('timestamp');
    expect(Number(await query.cell(0, 1).innerText())).toBeGreaterThan(0);
    await expect(query.chart).toHaveAttribute('data-chart-kind', 'line');
  });

  test("shows Druid's message and position for a SQL syntax error, and keeps the text through a reload", async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    const broken = `SELECT "url", COUNT(*)\nFROM "${DATASOURCE}"\nWHERE "url" = = '/'\nGROUP BY "url"`;
    await query.write(broken);
    await query.run();
    await expect(query.error).toBeVisible();
    await expect(query.error).toContainText('Received an unexpected token [= =] (line [3], column [13])');
    await expect(query.error).toContainText('At line 3, column 13');
    await expect(query.errorUnderline).toHaveText('=');
    await expect(query.status).toHaveText(/^Failed/);

    await page.reload();
    await expect(query.editor).toBeVisible();
    await expect.poll(() => query.text()).toBe(broken);
  });

  test('sends the query context with SQL, and says when it is not JSON', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await page.getByRole('button', { name: /^Context/ }).click();
    const context = page.getByLabel(/Query context \(JSON\)/);
    await context.fill('{"sqlTimeZone": ');
    await expect(page.getByText(/^The query context is not valid JSON/)).toBeVisible();
    await context.fill('{"timeout": "soon"}');
    await query.write(`SELECT COUNT(*) FROM "${DATASOURCE}"`);
    await query.run();
    // Tributary caps the timeout with its own deadline, so it reads the value and says where it is wrong.
    await expect(query.error).toContainText('context.timeout: must be a number of milliseconds (got "soon")');
  });

  test('cancels a long query, in Druid too, so the next query runs at once', async ({ page }) => {
    test.setTimeout(90_000);
    const query = new QueryPage(page);
    await query.open();
    // A five-way self-join: far longer than the test waits, so only cancelling ends it. Its right
    // sides are small subqueries, as Druid refuses subqueries beyond maxSubqueryRows (100,000 rows
    // in all), which the demo datasource outgrows.
    const side = `(SELECT "url" FROM "${DATASOURCE}" LIMIT 1000)`;
    await query.write(`SELECT COUNT(*) FROM "${DATASOURCE}" a, ${side} b, ${side} c, ${side} d, ${side} e\nWHERE a."url" || b."url" || c."url" || d."url" || e."url" = 'nowhere'`);
    await query.run();
    await expect(query.status).toHaveText(/^Running… \d+\.\d s/);
    await expect(query.cancelButton).toBeVisible();
    await page.waitForTimeout(1_500);
    await query.cancelButton.click();
    await expect(query.status).toHaveText(/^Cancelled after \d/);
    await expect(query.runButton).toBeVisible();

    // The engine runs one statement at a time: this finishes quickly only if the join was stopped in Druid.
    await query.write(`SELECT COUNT(*) AS "rows" FROM "${DATASOURCE}"`);
    await query.run();
    await expect(query.status).toHaveText(/^1 row in /, { timeout: 10_000 });
  });

  test('lists datasources and columns, inserts them, restores history and opens shared links', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open(`?datasource=${DATASOURCE}`);
    const columns = page.getByRole('list', { name: `Columns of ${DATASOURCE}` });
    await expect(columns.getByRole('button', { name: /latencyMs/ })).toBeVisible();

    // Druid's own functions are offered as the user types.
    await query.write('');
    await page.keyboard.type('SELECT TIME_FL');
    await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('TIME_FLOOR');
    await page.keyboard.press('Escape');

    await query.write('SELECT ');
    await columns.getByRole('button', { name: /^url/ }).click();
    await page.keyboard.insertText(' FROM ');
    await page.getByRole('button', { name: DATASOURCE, exact: true }).click();
    await expect.poll(() => query.text()).toBe(`SELECT "url" FROM "${DATASOURCE}"`);
    await query.run();
    await query.waitForResult();

    await query.sidePanelTab('Examples');
    await page.getByRole('button', { name: /SQL\s*Search for "roni"/ }).click();
    await expect.poll(() => query.text()).toContain("ICONTAINS_STRING(\"user\", 'roni')");

    await query.sidePanelTab('History');
    await page.getByRole('list', { name: 'Query history' }).getByRole('button', { name: /SELECT "url" FROM/ }).click();
    await expect.poll(() => query.text()).toBe(`SELECT "url" FROM "${DATASOURCE}"`);

    const shared = 'SELECT 42 AS "answer"';
    await query.open(`?q=${encodeURIComponent(shared)}`);
    await expect.poll(() => query.text()).toBe(shared);
    await expect(page).not.toHaveURL(/q=/);
  });
});
