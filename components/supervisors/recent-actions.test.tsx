// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentActions } from './recent-actions';

const me = (role: string) => ({ mode: 'users', user: 'someone', role, via: 'session', readOnly: false });
const entry = { id: 7, at: '2026-03-01T10:00:00.000Z', user: 'otto', role: 'operator', via: 'session', clientAddress: '10.0.0.7', action: 'suspend', supervisorId: 'clicks', specHash: null, changes: null, druidStatus: 200, druidAnswer: null, durationMs: 80, outcome: 'ok', detail: null, resolvedAt: null };

function respond(role: string) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    const body = url === '/api/me' ? me(role) : { entries: [entry], total: 12, nextBefore: 7 };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RecentActions id="clicks" />
    </QueryClientProvider>,
  );
  return urls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RecentActions', () => {
  it("shows an operator the supervisor's newest entries from the audit trail", async () => {
    const urls = respond('operator');
    expect((await screen.findByRole('table', { name: 'Audit trail' })).textContent).toContain('otto · operator');
    expect(urls).toContain('/api/audit?supervisor=clicks&limit=10');
    expect(screen.getByText(/The newest 10 of 12/).textContent).not.toContain('Audit page');
  });

  it('links an admin to the rest on the Audit page', async () => {
    respond('admin');
    expect((await screen.findByRole('link', { name: 'All of them on the Audit page' })).getAttribute('href')).toBe('/audit?supervisor=clicks');
  });

  it('tells a viewer why there is nothing, without asking for the trail', async () => {
    const urls = respond('viewer');
    expect(await screen.findByText(/operators and admins may read; you are signed in as a viewer/)).toBeTruthy();
    expect(urls.filter((url) => url.startsWith('/api/audit'))).toEqual([]);
  });
});
