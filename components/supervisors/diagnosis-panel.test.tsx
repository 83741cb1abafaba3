// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose, type DiagnosisEvidence } from '@/lib/operate/diagnosis';
import type { Diagnosis } from '@/lib/operate/diagnosis-schema';
import { DiagnosisPanel } from './diagnosis-panel';

// Recharts measures its container, which jsdom does not lay out; the figure around it is what is tested.
vi.mock('recharts', async (original) => ({ ...(await original<typeof import('recharts')>()), ResponsiveContainer: () => null }));

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;
const evidence: DiagnosisEvidence = {
  supervisorId: 'clicks',
  now: NOW,
  detailedState: 'RUNNING',
  suspended: false,
  recentErrors: [],
  spec: {
    topic: 'clicks',
    taskCount: 1,
    lateMessageRejectionPeriod: 'PT1H',
    earlyMessageRejectionPeriod: null,
    lateMessageRejectionStartDateTime: null,
    filter: null,
    useEarliestOffset: true,
    resetOffsetAutomatically: false,
    maxSavedParseExceptions: 10,
  },
  kafka: { problem: null, partitions: [{ partition: 0, earliest: 120n, latest: 150n }] },
  storedOffsets: new Map([[0, 40n]]),
  rowTotals: { processed: 0, processedWithError: 0, unparseable: 1, thrownAway: 2 },
  parseExceptions: [{ input: 'this is not json {', message: 'Unable to parse row [this is not json {] (Record: 1)' }],
  sample: [
    { partition: 0, offset: '140', value: '{"time":"2026-12-07T09:00:00Z"}', outcome: 'row', eventTime: NOW - 3 * HOUR },
    { partition: 0, offset: '141', value: '{"time":"2026-12-07T11:59:00Z"}', outcome: 'row', eventTime: NOW - 60_000 },
  ],
  failedTasks: [],
  problems: ['The report of task t could not be read: timed out'],
};

function show(diagnosis: Diagnosis) {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(diagnosis), { status: 200, headers: { 'content-type': 'application/json' } })));
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <DiagnosisPanel id="clicks" />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DiagnosisPanel', () => {
  it('shows each finding with its evidence and the link that fixes it, most severe first', async () => {
    show(diagnose(evidence));
    const findings = await screen.findAllByRole('listitem', { name: /Offsets deleted|Unparseable|thrown away/ });
    expect(findings.map((f) => f.getAttribute('data-kind'))).toEqual(['offsets_out_of_range', 'unparseable', 'thrown_away']);

    const deleted = screen.getByRole('listitem', { name: 'Offsets deleted by retention' });
    const row = within(within(deleted).getByRole('table', { name: 'Stored offsets against Kafka' })).getAllByRole('row')[1];
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '40', '120', '150', '80']);
    expect(within(deleted).getByRole('link', { name: 'Reset to the earliest offsets' }).getAttribute('href')).toBe('?act=reset-to-time&time=earliest');

    const unparseable = screen.getByRole('listitem', { name: 'Unparseable rows' });
    expect(within(unparseable).getByRole('table', { name: 'Example rows' }).textContent).toContain('this is not json {');

    const thrownAway = screen.getByRole('listitem', { name: 'Rows thrown away' });
    expect(within(thrownAway).getByRole('list', { name: 'Settings that would keep the rows' }).textContent).toContain('lateMessageRejectionPeriod: PT3H would keep 100% of the sampled rows; now PT1H keeps 50%.');
    expect(within(thrownAway).getByRole('figure', { name: 'Event times of the sampled rows' }).textContent).toContain('1 fall outside it');
    expect(within(thrownAway).getByRole('link', { name: 'Set lateMessageRejectionPeriod to PT3H' }).getAttribute('href')).toBe('/load/edit/clicks');

    expect(screen.getByText('The report of task t could not be read: timed out')).toBeTruthy();
  });

  it('says so quietly when all is well', async () => {
    show({ supervisorId: 'clicks', checkedAt: '2026-12-07T12:00:00.000Z', findings: [], problems: [] });
    expect((await screen.findByText('No problems found')).closest('p')?.textContent).toContain('checked 2026-12-07 12:00:00 UTC');
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
