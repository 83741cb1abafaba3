// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/http/me';
import { DEFAULT_ALERT_RULES, type Alert, type AlertRulesResponse } from '@/lib/operate/alert-rules';
import { AlertsPageClient } from './alerts-page-client';

vi.mock('next/navigation', () => ({ usePathname: () => '/alerts', useRouter: () => ({ replace: vi.fn(), push: vi.fn() }), useSearchParams: () => new URLSearchParams() }));

const me = (role: Me['role']): Me => ({ mode: 'users', user: 'ana', role, via: 'session', readOnly: false });
const alert = (over: Partial<Alert>): Alert => ({
  id: 1,
  rule: 'not-running',
  kind: 'not-running',
  supervisor: 'web-clickstream',
  since: '2026-03-01T10:00:00.000Z',
  firedAt: '2026-03-01T10:05:00.000Z',
  resolvedAt: null,
  message: 'web-clickstream has been SUSPENDED for 5 min',
  resolvedMessage: null,
  deliveryError: null,
  ...over,
});
const rules = (over: Partial<AlertRulesResponse> = {}): AlertRulesResponse => ({
  ...DEFAULT_ALERT_RULES,
  webhooks: [{ id: 'chat', url: 'https://hooks.slack.com/services/T/B/token', format: 'slack', enabled: true }],
  updatedAt: '2026-03-01T09:00:00.000Z',
  updatedBy: 'ada',
  webhookOrigins: ['https://hooks.slack.com'],
  webhookUrlsShown: true,
  ...over,
});

function renderPage(role: Me['role'], answers: { rules?: AlertRulesResponse; put?: [number, unknown] } = {}) {
  const calls: { url: string; method: string; body?: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(init.body as string) : undefined });
    const [status, body]: [number, unknown] =
      url === '/api/me'
        ? [200, me(role)]
        : url === '/api/alerts'
          ? [200, { firing: [alert({ id: 2, rule: 'time-lag', kind: 'time-lag', supervisor: 'crypto-prices', message: "crypto-prices's time lag is 12 min, above 5 min", deliveryError: 'Webhook "chat" failed: HTTP 500 (3 attempts).' })], recent: [alert({ resolvedAt: '2026-03-01T10:12:00.000Z', resolvedMessage: 'web-clickstream is RUNNING and healthy again' })] }]
          : url === '/api/alerts/rules' && method === 'PUT'
            ? (answers.put ?? [200, rules({ ...JSON.parse(init!.body as string), updatedAt: '2026-03-01T11:00:00.000Z' })])
            : url === '/api/alerts/rules'
              ? [200, answers.rules ?? rules()]
              : [404, { error: { code: 'not_found', message: 'no' } }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <AlertsPageClient />
    </QueryClientProvider>,
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the Alerts page', () => {
  it('lists what fires now with links to the supervisors, and what fired before with its times and duration', async () => {
    renderPage('viewer', { rules: rules({ webhooks: [{ id: 'chat', url: 'https://hooks.slack.com/…', format: 'slack', enabled: true }], webhookUrlsShown: false }) });
    const firing = await screen.findByRole('list', { name: 'Firing alerts' });
    expect(within(firing).getByRole('link', { name: 'crypto-prices' }).getAttribute('href')).toBe('/supervisors/crypto-prices');
    expect(firing.textContent).toContain("crypto-prices's time lag is 12 min, above 5 min");
    expect(firing.textContent).toContain('Not delivered: Webhook "chat" failed: HTTP 500 (3 attempts).');
    const row = screen.getByRole('row', { name: /web-clickstream has been SUSPENDED/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'web-clickstream',
      'web-clickstream has been SUSPENDED for 5 minweb-clickstream is RUNNING and healthy again',
      '2026-03-01 10:05:00 UTC',
      '2026-03-01 10:12:00 UTC',
      '12 min',
    ]);
  });

  it('shows the rules read-only to a viewer, with the reason, and webhook URLs as their origin', async () => {
    renderPage('viewer', { rules: rules({ webhooks: [{ id: 'chat', url: 'https://hooks.slack.com/…', format: 'slack', enabled: true }], webhookUrlsShown: false }) });
    expect((await screen.findByTestId('role-notice')).textContent).toBe('Editing alert rules and webhooks needs the admin role; you are a viewer.');
    expect(screen.getByLabelText('Minutes time-lag must hold').matches(':disabled')).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('URL of webhook chat').value).toBe('https://hooks.slack.com/…');
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
  });

  it('lets an admin change a rule and save it', async () => {
    const calls = renderPage('admin');
    const threshold = await screen.findByLabelText<HTMLInputElement>('Threshold of time-lag (min)');
    await waitFor(() => expect(threshold.disabled).toBe(false));
    fireEvent.change(threshold, { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Supervisors time-lag watches'), { target: { value: 'web-clickstream, crypto-prices' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Saved 2026-03-01 11:00 UTC by ada.');
    const put = calls.find((call) => call.method === 'PUT');
    expect((put?.body as { rules: unknown[] }).rules[1]).toEqual({ id: 'time-lag', kind: 'time-lag', enabled: true, threshold: 10, forMinutes: 5, supervisors: ['web-clickstream', 'crypto-prices'] });
  });

  it('shows what is wrong next to the field before sending, and keeps what was typed', async () => {
    const calls = renderPage('admin');
    const minutes = await screen.findByLabelText<HTMLInputElement>('Minutes not-running must hold');
    await waitFor(() => expect(minutes.disabled).toBe(false));
    fireEvent.change(minutes, { target: { value: 'five' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect((await screen.findByText('must be a number')).id).toBe(minutes.getAttribute('aria-describedby'));
    expect(minutes.value).toBe('five');
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows a webhook the server refused next to its URL, and keeps the edit', async () => {
    const message = 'Webhook "pager" posts to https://pager.example.com, which is not among the origins TRIBUTARY_WEBHOOK_ORIGINS allows (it allows https://hooks.slack.com); add the origin to TRIBUTARY_WEBHOOK_ORIGINS on the server.';
    // The page was loaded before the server's setting changed: its own check lets the URL through.
    renderPage('admin', {
      rules: rules({ webhookOrigins: ['https://hooks.slack.com', 'https://pager.example.com'] }),
      put: [400, { error: { code: 'webhook_not_allowed', message, details: { variable: 'TRIBUTARY_WEBHOOK_ORIGINS', issues: [{ path: 'body.webhooks.1.url', message }] } } }],
    });
    const add = await screen.findByRole('button', { name: 'Add webhook' });
    await waitFor(() => expect(add.closest('fieldset')?.disabled).toBe(false));
    fireEvent.click(add);
    fireEvent.change(screen.getByLabelText('Name of webhook 2'), { target: { value: 'pager' } });
    fireEvent.change(screen.getByLabelText('URL of webhook pager'), { target: { value: 'https://pager.example.com/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    const problem = await screen.findByText(message);
    const url = screen.getByLabelText<HTMLInputElement>('URL of webhook pager');
    expect(problem.id).toBe(url.getAttribute('aria-describedby'));
    expect(url.value).toBe('https://pager.example.com/hook');
    expect(screen.getByRole('alert').textContent).toBe('Not saved: one field needs a change (marked below each).');
  });
});
