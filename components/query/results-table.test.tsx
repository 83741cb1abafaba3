// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsTable } from './results-table';
import { RunStatus } from './run-status';

afterEach(cleanup);

const columns = [
  { name: '__time', type: 'LONG', sqlType: 'TIMESTAMP' },
  { name: 'user', type: 'STRING', sqlType: 'VARCHAR' },
  { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
];
const rows = [
  ['2026-01-01T00:00:00.000Z', 'roni', '9007199254740993'],
  ['2026-01-01T01:00:00.000Z', null, '9007199254740992'],
  ['2026-01-01T02:00:00.000Z', 'brozo', 7],
];

const bodyRows = () => within(screen.getByRole('table', { name: 'Query results' })).getAllByRole('row').slice(1);
const cellTexts = (column: number) => bodyRows().map((row) => within(row).getAllByRole('cell')[column].textContent);

describe('ResultsTable', () => {
  it('shows types, readable times, exact big integers right-aligned, and null', () => {
    render(<ResultsTable columns={columns} rows={rows} fileName="r.csv" />);
    expect(screen.getByRole('columnheader', { name: /views BIGINT/ })).toBeTruthy();
    expect(cellTexts(0)[0]).toBe('2026-01-01 00:00:00.000');
    expect(cellTexts(2)).toEqual(['9007199254740993', '9007199254740992', '7']);
    expect(within(bodyRows()[0]).getAllByRole('cell')[2].className).toContain('text-right');
    expect(cellTexts(1)[1]).toBe('null');
  });

  it('sorts by a column on click, big integers exactly, and reverses on a second click', () => {
    render(<ResultsTable columns={columns} rows={rows} fileName="r.csv" />);
    const views = within(screen.getByRole('columnheader', { name: /views/ })).getByRole('button');
    fireEvent.click(views);
    expect(cellTexts(2)).toEqual(['7', '9007199254740992', '9007199254740993']);
    fireEvent.click(views);
    expect(cellTexts(2)).toEqual(['9007199254740993', '9007199254740992', '7']);
    expect(screen.getByRole('columnheader', { name: /views/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('pages through large results', () => {
    const many = Array.from({ length: 250 }, (_, i) => ['2026-01-01T00:00:00.000Z', `u${i}`, i]);
    render(<ResultsTable columns={columns} rows={many} fileName="r.csv" />);
    expect(bodyRows()).toHaveLength(100);
    expect(screen.getByText(/Rows 1–100 of 250/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(bodyRows()).toHaveLength(50);
    expect(cellTexts(1)[0]).toBe('u200');
  });
});

describe('RunStatus', () => {
  it('says when the row limit cut the result short', () => {
    render(<RunStatus state={{ status: 'done', mode: 'sql', columns: [], rows: [], rowCount: 10_000, elapsedMs: 1_234, truncated: true, rowLimit: 10_000 }} />);
    expect(screen.getByRole('status').textContent).toBe(
      '10,000 rows in 1.2 sTruncated: only the first 10,000 rows are shown. Add a LIMIT or aggregate to see the rest.',
    );
  });
});
