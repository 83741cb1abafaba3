// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDraft } from './draft/draft-store';
import { publishSampledRecords } from './sampled-records';
import { SchemaStep } from './schema-step';
import { adClicks } from './schema/fixtures';
import { TimeStep } from './time-step';
import { parseLoadUrl } from './url-state';

vi.mock('next/link', () => ({ default: ({ href, children }: { href: string; children: React.ReactNode }) => <a href={href}>{children}</a> }));

afterEach(cleanup);

function renderStep(Step: typeof SchemaStep, topic: string, navigate = vi.fn()) {
  const { state } = parseLoadUrl(new URLSearchParams(`topic=${topic}&step=schema`));
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <Step state={state} navigate={navigate} />
    </QueryClientProvider>,
  );
  return navigate;
}

describe('SchemaStep', () => {
  beforeEach(() => localStorage.clear());

  it('suggests click as a longSum metric, re-previews rollup at once and keeps edits in the draft', async () => {
    publishSampledRecords({ source: { kind: 'kafka', topic: 'ads-a' }, records: adClicks(120) });
    const navigate = renderStep(SchemaStep, 'ads-a');
    const role = await screen.findByLabelText('Role of click');
    expect((role as HTMLSelectElement).value).toBe('metric');
    expect((screen.getByLabelText('Aggregator of click') as HTMLSelectElement).value).toBe('longSum');
    expect((screen.getByLabelText('Role of city') as HTMLSelectElement).value).toBe('dimension');

    const summary = await screen.findByTestId('rollup-summary');
    const rollup = screen.getByLabelText('Rollup') as HTMLInputElement;
    if (!rollup.checked) fireEvent.click(rollup);
    await waitFor(() => expect(summary.textContent).not.toContain('rows out; rollup ratio 1 '));
    const rolledUp = summary.textContent;
    fireEvent.click(rollup);
    await waitFor(() => expect(summary.textContent).toContain('120 rows in → 120 rows out; rollup ratio 1 (nothing merged)'));
    expect(rolledUp).not.toBe(summary.textContent);

    fireEvent.change(screen.getByLabelText('Role of platform'), { target: { value: 'none' } });
    expect(readDraft('topic:ads-a')?.schema?.columns.find((c) => c.name === 'platform')?.role).toBe('none');
    expect(within(screen.getByRole('table', { name: 'Rows as Druid would store them' })).queryByText('platform')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Next: review' }));
    expect(navigate).toHaveBeenCalledWith({ step: 'review' });
  });

  it('re-infers only after the user confirms, replacing the edits', async () => {
    publishSampledRecords({ source: { kind: 'kafka', topic: 'ads-b' }, records: adClicks(60) });
    renderStep(SchemaStep, 'ads-b');
    fireEvent.change(await screen.findByLabelText('Role of city'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Re-infer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect((screen.getByLabelText('Role of city') as HTMLSelectElement).value).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: 'Re-infer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace my edits' }));
    await waitFor(() => expect((screen.getByLabelText('Role of city') as HTMLSelectElement).value).toBe('dimension'));
  });

  it('says there is nothing to work on without a sample', () => {
    publishSampledRecords(undefined);
    renderStep(SchemaStep, 'ads-none');
    expect(screen.getByRole('alert').textContent).toContain('There is no sample to work on yet');
  });
});

describe('TimeStep', () => {
  it('ranks the millis timestamp first and checks a Joda pattern live', async () => {
    publishSampledRecords({ source: { kind: 'kafka', topic: 'ads-c' }, records: adClicks(50) });
    renderStep(TimeStep, 'ads-c');
    const candidates = await screen.findByRole('list', { name: 'Timestamp candidates' });
    await waitFor(() => expect(within(candidates).getAllByRole('listitem')[0].textContent).toContain('timestamp as epoch millis'));
    expect(screen.getByTestId('format-check').textContent).toBe('50 of 50 values parse as epoch millis.');
    fireEvent.change(screen.getByLabelText('Timestamp format'), { target: { value: 'pattern' } });
    fireEvent.change(screen.getByLabelText('Joda pattern'), { target: { value: 'yyyy-MM-dd' } });
    expect(screen.getByTestId('format-check').textContent).toBe('0 of 50 values parse as pattern yyyy-MM-dd.');
  });
});
