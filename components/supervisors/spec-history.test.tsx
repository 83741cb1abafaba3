// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SupervisorHistorySchema } from '@/lib/druid';
import { recordedJson } from '@/lib/druid/testing/fixtures';
import { supervisorVersions, type SupervisorVersions } from '@/lib/operate';
import { SpecHistory } from './spec-history';

const spec = (dimensions: string[], suspended = false) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: 'clicks', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'k:9092' } },
    tuningConfig: { type: 'kafka' },
  },
  suspended,
});

const running = supervisorVersions('clicks', [
  { version: '2024-01-04T00:00:00.000Z', spec: spec(['url', 'country']) },
  { version: '2024-01-03T00:00:00.000Z', spec: spec(['url', 'country'], true) },
  { version: '2024-01-02T00:00:00.000Z', spec: spec(['url', 'country']) },
  { version: '2024-01-01T00:00:00.000Z', spec: spec(['url']) },
]);

function serve(versions: SupervisorVersions) {
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    const reply = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
    if (init?.method === 'POST') {
      posts.push({ url, body: JSON.parse(String(init.body)) });
      return reply(200, { id: versions.id, outcome: 'updated', message: `Supervisor "${versions.id}" was updated.`, suspended: false, warnings: [], notes: [], version: '2024-01-01T00:00:00.000Z' });
    }
    if (url.endsWith('/versions')) return reply(200, versions);
    return reply(404, { error: { code: 'not_found', message: 'not here' } });
  });
  return posts;
}

function renderHistory(id = 'clicks') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SpecHistory id={id} />
    </QueryClientProvider>,
  );
}

const rows = () => within(screen.getByRole('list', { name: 'Spec versions' })).getAllByRole('listitem');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SpecHistory', () => {
  it('folds suspend/resume toggles away until asked, keeping the current version', async () => {
    serve(running);
    renderHistory();
    await screen.findByRole('list', { name: 'Spec versions' });
    expect(rows().map((row) => row.getAttribute('data-version'))).toEqual(['2024-01-04T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-01T00:00:00.000Z']);
    expect(screen.getByText(/1 suspend\/resume toggle hidden/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    expect(rows()).toHaveLength(4);
    expect(rows()[1].textContent).toContain('suspended');
  });

  it('compares a version with the current one, with the risk of going back to it', async () => {
    serve(running);
    renderHistory();
    const first = (await screen.findAllByRole('listitem')).find((row) => row.getAttribute('data-version') === '2024-01-01T00:00:00.000Z')!;
    fireEvent.click(within(first).getByRole('button', { name: 'Compare with current' }));
    const compare = screen.getByRole('region', { name: 'Compare versions' });
    expect(within(compare).getByRole('list', { name: 'Changes between the versions' }).textContent).toContain('spec.dataSchema.dimensionsSpec.dimensions[1] added');
    // Any two: "to" moves to the second version, which has the same dimensions as the current one.
    fireEvent.change(within(compare).getByLabelText('To'), { target: { value: '2024-01-02T00:00:00.000Z' } });
    expect(within(compare).getByRole('list', { name: 'Changes between the versions' }).textContent).toContain('country');
    fireEvent.change(within(compare).getByLabelText('From'), { target: { value: '2024-01-04T00:00:00.000Z' } });
    expect(compare.textContent).toContain('Druid would run both versions the same way');
  });

  it('shows what a rollback changes, risks first, before it posts only the version', async () => {
    const posts = serve(running);
    renderHistory();
    const first = (await screen.findAllByRole('listitem')).find((row) => row.getAttribute('data-version') === '2024-01-01T00:00:00.000Z')!;
    fireEvent.click(within(first).getByRole('button', { name: 'Roll back to this version…' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('note').textContent).toContain('Dimension "country" is removed');
    expect(within(dialog).getByRole('list', { name: 'Changes of the rollback' }).textContent).toContain('removed');
    expect(dialog.textContent).toContain('The supervisor stays running');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect((await screen.findByRole('status')).textContent).toBe('Supervisor "clicks" was updated.');
    expect(posts).toEqual([{ url: '/api/supervisors/clicks/rollback', body: { version: '2024-01-01T00:00:00.000Z' } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("offers a terminated supervisor's versions to submit again, saying that re-creates it", async () => {
    serve(supervisorVersions('contract', SupervisorHistorySchema.parse(recordedJson('overlord.supervisor.history.terminated.response.json'))));
    renderHistory('contract');
    await screen.findByRole('list', { name: 'Spec versions' });
    expect(rows()[0].textContent).toContain('terminated');
    expect(screen.queryByText('current')).toBeNull();
    fireEvent.click(within(rows()[1]).getByRole('button', { name: 'Submit this version again…' }));
    expect(screen.getByRole('dialog').textContent).toContain('Supervisor contract is terminated. Submitting this version creates it again');
  });
});
