// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SampleProgress } from '@/lib/kafka/schemas';
import { SampleProgressPanel } from './sample-progress';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const progress = (records: number, partitions: SampleProgress['partitions'] = []): SampleProgress => ({ records, bytes: 2048, elapsedMs: 400, expected: 500, partitions });

describe('SampleProgressPanel', () => {
  it('shows records against what the sample can hold, and a cancel button while it runs', () => {
    const cancel = vi.fn();
    render(<SampleProgressPanel sample={{ status: 'running', records: [], progress: progress(125), cancel }} />);
    expect(screen.getByTestId('sample-status').textContent).toBe('Sampling…');
    expect(screen.getByTestId('sample-counts').textContent).toBe('125 of 500 messages · 2.0 KB · 0.4 s');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('keeps the clock running between events, so a slow broker never looks frozen', () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
    render(<SampleProgressPanel sample={{ status: 'running', records: [], startedAt: 7_000, progress: progress(0), cancel: () => undefined }} />);
    act(() => vi.advanceTimersByTime(300));
    expect(screen.getByTestId('sample-counts').textContent).toContain('3.3 s');
  });

  it('ends with the summary and names the partitions that could not be read', () => {
    const partitions: SampleProgress['partitions'] = [
      { partition: 0, startOffset: '0', nextOffset: '10', endOffset: '10', records: 10, state: 'end' },
      { partition: 1, startOffset: '0', nextOffset: '0', endOffset: '10', records: 0, state: 'error', error: 'its leader, broker 2, could not be reached' },
    ];
    const end = { type: 'end' as const, reason: 'complete' as const, message: 'Read 10 messages: every partition reached its end. Partition 1 could not be read.', progress: progress(10, partitions), warnings: [] };
    render(<SampleProgressPanel sample={{ status: 'done', records: [], progress: end.progress, end, cancel: () => undefined }} />);
    expect(screen.getByTestId('sample-summary').textContent).toBe(end.message);
    expect(screen.getByTitle(/Partition 1: 0 messages.*broker 2/).textContent).toBe('p1: 0');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
