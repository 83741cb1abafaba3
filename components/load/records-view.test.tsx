// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { RecordsView } from './records-view';

afterEach(cleanup);

const records: SampleRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
  partition: i % 12,
  offset: String(Math.floor(i / 12)),
  timestamp: Date.UTC(2026, 0, 1) + i,
  timestampType: 'create',
  key: `user-${i % 97}`,
  keyEncoding: 'utf8',
  value: JSON.stringify({ n: i, url: i % 1000 === 0 ? '/checkout' : '/home' }),
  valueEncoding: 'utf8',
  valueSize: 30,
  valueTruncated: false,
  headers: [],
}));

describe('RecordsView', () => {
  it('shows 10,000 records a page at a time instead of rendering them all', () => {
    render(<RecordsView records={records} find="" onFind={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Sampled messages' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Page 1 of 200')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Page 2 of 200')).toBeTruthy();
  });

  it('filters the sample as the user types and reports how many match', () => {
    const typed: string[] = [];
    render(<RecordsView records={records} find="" onFind={(f) => typed.push(f)} />);
    fireEvent.change(screen.getByPlaceholderText(/Search within the sample/), { target: { value: 'checkout' } });
    expect(screen.getByTestId('records-shown').textContent).toBe('10 of 10,000 messages match');
    expect(typed).toEqual(['checkout']);
  });

  it('opens a record in the pretty view and switches to raw', () => {
    render(<RecordsView records={records.slice(0, 3)} find="" onFind={() => undefined} />);
    fireEvent.click(screen.getAllByRole('row')[1]);
    expect(screen.getByTestId('record-value').textContent).toBe('{\n  "n": 0,\n  "url": "/checkout"\n}');
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByTestId('record-value').textContent).toBe('{"n":0,"url":"/checkout"}');
  });
});
