// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParseStep } from './parse-step';
import { publishSampledRecords } from './sampled-records';
import { sampled } from './schema/fixtures';
import { parseLoadUrl } from './url-state';

vi.mock('next/link', () => ({ default: ({ href, children }: { href: string; children: React.ReactNode }) => <a href={href}>{children}</a> }));

afterEach(cleanup);

function renderParse(query: string) {
  const { state } = parseLoadUrl(new URLSearchParams(query));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ParseStep state={state} navigate={vi.fn()} />
    </QueryClientProvider>,
  );
}

describe('ParseStep', () => {
  it('shows the detected format with its reason and lists malformed messages with theirs', async () => {
    localStorage.clear();
    const values = Array.from({ length: 50 }, (_, i) => (i === 7 ? '{"user":"ana",' : i === 9 ? '' : JSON.stringify({ user: `u${i % 4}`, ms: i })));
    publishSampledRecords({ source: { kind: 'kafka', topic: 'clicks' }, records: values.map((v, i) => sampled(v, i)) });
    renderParse('topic=clicks&step=parse');
    expect((await screen.findByTestId('detected-format')).textContent).toContain('Detected JSON: 48 of 50 messages are JSON objects');
    expect(screen.getByTestId('parse-summary').textContent).toBe('As JSON: 48 of 50 messages parse; 2 malformed shown below.');
    const malformed = screen.getByRole('list', { name: 'Malformed messages' });
    expect(within(malformed).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^message 8 \(partition 1, offset 7\): invalid JSON/),
      expect.stringMatching(/^message 10 \(partition 0, offset 9\): .*empty/),
    ]);
    expect(within(screen.getByRole('table', { name: 'Parsed rows' })).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['user', 'ms']);
  });

  it('reads pasted lines again when another format is picked, with the columns the user names', async () => {
    localStorage.clear();
    const lines = Array.from({ length: 30 }, (_, i) => `${Date.UTC(2026, 0, 1) + i * 1000};sensor-${i % 3};${20 + (i % 4)}`);
    publishSampledRecords({ source: { kind: 'paste' }, records: lines.map((l, i) => sampled(l, i, { partition: null, offset: null, timestamp: null, timestampType: null })) });
    renderParse('source=paste&step=parse');
    const format = (await screen.findByLabelText('Input format')) as HTMLSelectElement;
    fireEvent.change(format, { target: { value: 'delimited' } });
    const form = screen.getByRole('form', { name: 'Format settings' });
    fireEvent.change(within(form).getByLabelText('Delimiter'), { target: { value: ';' } });
    fireEvent.change(within(form).getByLabelText('Column names'), { target: { value: 'ts, sensor, temp' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('parse-summary').textContent).toBe('As Delimited (other delimiter): 30 of 30 messages parse.'));
    const headers = within(screen.getByRole('table', { name: 'Parsed rows' })).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['ts', 'sensor', 'temp']);
  });
});
