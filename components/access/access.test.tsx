// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/http/me';
import { AccessBanner } from './access-banner';
import { permission, refusalNotes } from './api';
import { RoleNotice } from './role-notice';
import { SignInForm } from './sign-in-form';
import { UserMenu } from './user-menu';

const nav = vi.hoisted(() => ({ replaced: [] as string[], next: null as string | null, pathname: '/supervisors' }));
vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace: (url: string) => nav.replaced.push(url), push: vi.fn(), refresh: vi.fn() }),
  useSearchParams: () => new URLSearchParams(nav.next ? { next: nav.next } : {}),
  usePathname: () => nav.pathname,
}));

const me = (over: Partial<Me> = {}): Me => ({ mode: 'users', user: 'ana', role: 'operator', via: 'session', readOnly: false, ...over });

function respond(handler: (url: string, init?: RequestInit) => [number, unknown] | undefined) {
  const calls: { url: string; method: string; body?: string }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body as string | undefined });
    const [status, body] = handler(url, init) ?? [404, { error: { code: 'not_found', message: 'no' } }];
    return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

function wrap(children: ReactNode) {
  return render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>{children}</QueryClientProvider>);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  nav.replaced = [];
  nav.next = null;
});

describe('what a role may do, in words', () => {
  it('allows while the identity is unknown, since the server decides anyway', () => {
    expect(permission(undefined, 'admin', 'Terminate')).toEqual({ allowed: true });
  });

  it('names the role needed and the one held, or read-only when that is why', () => {
    expect(permission(me({ role: 'viewer' }), 'operator', 'Suspend')).toEqual({ allowed: false, reason: 'Suspend needs the operator role; you are a viewer.' });
    expect(permission(me({ role: 'viewer', readOnly: true }), 'operator', 'Suspend').reason).toBe('This Tributary instance is read-only: actions and submits are disabled.');
    expect(refusalNotes(me({ role: 'admin' }), [{ need: 'admin', what: 'Terminate' }])).toEqual([]);
  });
});

describe('signing in', () => {
  it('sends the user name and password, then returns to the page asked for', async () => {
    nav.next = '/supervisors/clicks';
    const calls = respond((url, init) => (url === '/api/me' ? [401, { error: { code: 'unauthenticated', message: 'Sign in' } }] : url === '/api/session' && init?.method === 'POST' ? [200, me()] : undefined));
    wrap(<SignInForm />);
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(nav.replaced).toEqual(['/supervisors/clicks']));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body!)).toEqual({ user: 'ana', password: 'a long password' });
  });

  it("shows the server's refusal and stays on the page", async () => {
    respond((url) => (url === '/api/session' ? [401, { error: { code: 'invalid_credentials', message: 'Wrong user name or password.' } }] : [401, { error: { code: 'unauthenticated', message: 'Sign in' } }]));
    wrap(<SignInForm />);
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password.');
    expect(nav.replaced).toEqual([]);
  });

  it('never sends the browser to another site after signing in', async () => {
    nav.next = '//evil.example/';
    respond((url) => (url === '/api/session' ? [200, me()] : [401, { error: { code: 'unauthenticated', message: 'Sign in' } }]));
    wrap(<SignInForm />);
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(nav.replaced).toEqual(['/']));
  });
});

describe('the header and banner', () => {
  it('show who is signed in as what, and sign out', async () => {
    const calls = respond((url, init) => (url === '/api/me' ? [200, me()] : url === '/api/session' && init?.method === 'DELETE' ? [204, null] : undefined));
    wrap(<UserMenu />);
    expect((await screen.findByTestId('signed-in-user')).textContent).toBe('ana');
    expect(screen.getByTestId('signed-in-role').textContent).toBe('operator');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(nav.replaced).toEqual(['/sign-in']));
    expect(calls.some((c) => c.url === '/api/session' && c.method === 'DELETE')).toBe(true);
  });

  it('say in open mode that anyone who reaches the page can act', async () => {
    respond((url) => (url === '/api/me' ? [200, me({ mode: 'open', user: null, role: 'admin', via: 'open' })] : undefined));
    wrap(<AccessBanner />);
    expect((await screen.findByTestId('open-access-banner')).textContent).toContain('anyone who can reach this page can submit, suspend, reset and terminate supervisors');
  });

  it('say why when a session has ended, with a way back', async () => {
    respond(() => [401, { error: { code: 'session_expired', message: 'Your session has ended.' } }]);
    wrap(<AccessBanner />);
    const alert = await screen.findByTestId('access-problem');
    expect(alert.textContent).toContain('Your session has ended.');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in?next=%2Fsupervisors');
  });

  it('list on the dashboard what the role may not do', async () => {
    respond((url) => (url === '/api/me' ? [200, me({ role: 'viewer' })] : undefined));
    wrap(<RoleNotice items={[{ need: 'operator', what: 'Submitting' }, { need: 'admin', what: 'Terminate' }]} />);
    expect((await screen.findByTestId('role-notice')).textContent).toBe('Submitting needs the operator role; you are a viewer.Terminate needs the admin role; you are a viewer.');
  });
});
