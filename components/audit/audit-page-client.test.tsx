// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditPageClient } from './audit-page-client';

const nav = vi.hoisted(() => ({ search: '', replaced: [] as string[] }));
vi.mock('next/navigation', () => ({
  useSearchParams: () => new URLSearchParams(nav.search),
  usePathname: () => '/audit',
  useRouter: () => ({ replace: (url: string) => nav.replaced.push(url) }),
}));

const entry = { id: 9, at: '2026-03-01T10:00:00.000Z', user: 'ana', role: 'admin', via: 'session', clientAddress: '10.0.0.7', action: 'terminate', supervisorId: 'clicks', specHash: null, changes: null, druidStatus: 200, druidAnswer: '{"id":"clicks"}', durationMs: 80, outcome: 'ok', detail: null, resolvedAt: null };

function renderPage(search: string, answer: [number, unknown]) {
  nav.search = search;
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    return Promise.resolve(new Response(JSON.stringify(answer[1]), { status: answer[0], headers: { 'content-type': 'application/json' } }));
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AuditPageClient />
    </QueryClientProvider>,
  );
  return urls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  nav.replaced = [];
});

describe('the Audit page', () => {
  it('reads the filters from the URL, and offers the export and the older page', async () => {
    const urls = renderPage('user=ana&outcome=ok', [200, { entries: [entry], total: 51, nextBefore: 9 }]);
    expect((await screen.findByTestId('audit-total')).textContent).toBe('51 entries match; newest first.');
    expect(urls).toEqual(['/api/audit?user=ana&outcome=ok']);
    expect(screen.getByLabelText('User')).toHaveProperty('value', 'ana');
    expect(screen.getByRole('link', { name: 'Export these as JSON lines' }).getAttribute('href')).toBe('/api/audit?user=ana&outcome=ok&format=jsonl');
    fireEvent.click(screen.getByRole('button', { name: 'Older →' }));
    expect(nav.replaced).toEqual(['/audit?user=ana&outcome=ok&before=9']);
  });

  it('puts a changed filter in the URL and starts again from the newest entries', async () => {
    renderPage('before=9', [200, { entries: [entry], total: 80, nextBefore: null }]);
    await screen.findByTestId('audit-total');
    fireEvent.change(screen.getByLabelText('Supervisor'), { target: { value: 'clicks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'terminate' } });
    await waitFor(() => expect(nav.replaced).toEqual(['/audit?supervisor=clicks', '/audit?supervisor=clicks&action=terminate']));
  });

  it('says why someone who is not an admin sees nothing', async () => {
    renderPage('', [403, { error: { code: 'forbidden', message: "The whole audit trail is for admins; you are an operator. Operators may read one supervisor's actions (?supervisor=ID)." } }]);
    expect((await screen.findByRole('alert')).textContent).toContain('The whole audit trail is for admins');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
