// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResetPreview } from '@/lib/operate/reset-preview';
import { SupervisorActions } from './supervisor-actions';

const navigation = vi.hoisted(() => ({ search: '' }));
vi.mock('next/navigation', () => ({
  useSearchParams: () => new URLSearchParams(navigation.search),
  useRouter: () => ({ replace: vi.fn(), push: vi.fn() }),
}));

const preview: ResetPreview = {
  supervisorId: 'clicks',
  topic: 'clicks',
  time: '2026-12-07T10:00:00Z',
  at: '2026-12-07T10:00:00.000Z',
  partitions: [
    { partition: 0, currentOffset: '900', targetOffset: '400', skipped: '0', replayed: '500', earliestOffset: '0', latestOffset: '900', targetTime: '2026-12-07T10:00:00.000Z' },
    { partition: 1, currentOffset: '100', targetOffset: '300', skipped: '200', replayed: '0', earliestOffset: '0', latestOffset: '500', targetTime: '2026-12-07T10:00:02.000Z' },
  ],
  totals: { skipped: '200', replayed: '500', messages: '1400' },
  notes: [],
};

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
let requests: { url: string; body: unknown }[];

function renderActions(suspended = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SupervisorActions id="clicks" suspended={suspended} partitions={[]} taskGroupIds={[]} />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/reset-offsets/preview')) return json(preview);
    if (url.endsWith('/reset-offsets')) {
      return json({ id: 'clicks', action: 'resetOffsets', message: 'Druid now reads partition 0 from 400 (was 900).', partitions: [{ partition: 0, from: '900', to: '400', seen: '400' }], confirmed: true });
    }
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  navigation.search = '';
});

describe('SupervisorActions', () => {
  it('opens the reset to a time from a link, previews each partition, and sends only once the id is typed', async () => {
    navigation.search = 'act=reset-to-time&time=2026-12-07T10:00:00Z';
    renderActions();
    const dialog = screen.getByRole('dialog');
    expect((within(dialog).getByLabelText('Time (UTC)') as HTMLInputElement).value).toMatch(/^2026-12-07T10:00(:00)?$/);
    const table = await within(dialog).findByTestId('reset-preview');
    expect(requests.find((r) => r.url.endsWith('/preview'))).toEqual({ url: '/api/supervisors/clicks/reset-offsets/preview', body: { time: '2026-12-07T10:00:00Z' } });
    expect(within(table).getAllByTestId('replayed').map((e) => e.textContent)).toEqual(['500', '0']);
    expect(within(table).getAllByTestId('skipped').map((e) => e.textContent)).toEqual(['0', '200']);
    expect(within(table).getByTestId('total-replayed').textContent).toBe('500');

    const send = within(dialog).getByRole('button', { name: 'Reset offsets' });
    expect(send).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText(/Type .* to confirm/), { target: { value: 'clicks' } });
    fireEvent.click(send);
    expect((await screen.findByTestId('action-answer')).textContent).toBe('Druid now reads partition 0 from 400 (was 900).');
    expect(requests.filter((r) => r.url.endsWith('/reset-offsets'))).toEqual([{ url: '/api/supervisors/clicks/reset-offsets', body: { time: '2026-12-07T10:00:00Z', confirm: 'clicks' } }]);
  });

  it('asks for the id before a hard reset', () => {
    renderActions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset…' }));
    const dialog = screen.getByRole('dialog');
    const reset = within(dialog).getByRole('button', { name: 'Reset' });
    expect(reset).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText(/Type .* to confirm/), { target: { value: 'clicks' } });
    expect(reset).toHaveProperty('disabled', false);
  });
  it('points at Resume when a link asks for it', () => {
    navigation.search = 'act=resume';
    renderActions(true);
    expect(screen.getByRole('button', { name: 'Resume' }).className).toContain('ring-2');
    expect(screen.getByText('Resume starts new tasks from the stored offsets.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
