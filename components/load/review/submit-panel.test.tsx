// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorSpec } from '@/lib/spec';
import { SubmitPanel } from './submit-panel';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const spec = {
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'payments', timestampSpec: { column: 'ts', format: 'iso' }, dimensionsSpec: { dimensions: [] }, granularitySpec: {} },
    ioConfig: { type: 'kafka', topic: 'payments', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'k:9092' }, useEarliestOffset: true },
  },
} as unknown as SupervisorSpec;

type Me = { mode: 'open' | 'users'; user: string | null; role: 'viewer' | 'operator' | 'admin'; via: string; readOnly: boolean };
const OPEN_ADMIN: Me = { mode: 'open', user: null, role: 'admin', via: 'open', readOnly: false };

/** Submits go to the mock; the question of who is signed in is answered apart from them. */
function stubFetch(submit: (url: string, init?: RequestInit) => Promise<Response>, me: Me = OPEN_ADMIN) {
  const submits = vi.fn(submit);
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => (url === '/api/me' ? Promise.resolve(Response.json(me)) : submits(url, init)));
  return submits;
}

function wrap(children: ReactNode) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>{children}</QueryClientProvider>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  push.mockReset();
});

describe('submitting a spec', () => {
  it('submits once however often it is clicked, then opens the status page', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const onSubmitted = vi.fn();
    render(wrap(<SubmitPanel spec={spec} overlordUrl="http://druid:8888" onSubmitted={onSubmitted} />));
    const button = screen.getByRole('button', { name: 'Submit' });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    fireEvent.click(button);
    answer(Response.json({ id: 'payments', outcome: 'created', message: 'Supervisor "payments" was created and starts reading the topic.', suspended: false, warnings: [], notes: [] }));
    await waitFor(() => expect(push).toHaveBeenCalledWith('/supervisors/payments'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual(['/api/supervisors?suspended=false', expect.objectContaining({ method: 'POST' })]);
    expect(onSubmitted).toHaveBeenCalledWith('payments');
  });

  it('is disabled, and says why, when this Tributary instance is read-only', async () => {
    const submits = stubFetch(async () => Response.json({}), { ...OPEN_ADMIN, role: 'viewer', readOnly: true });
    render(wrap(<SubmitPanel spec={spec} overlordUrl="http://druid:8888" onSubmitted={() => undefined} />));
    await screen.findByText('This Tributary instance is read-only: actions and submits are disabled.');
    const button = screen.getByRole('button', { name: 'Submit' });
    expect(button).toHaveProperty('disabled', true);
    fireEvent.click(button);
    expect(submits).not.toHaveBeenCalled();
  });

  it('is disabled for a viewer, saying the operator role is needed', async () => {
    const submits = stubFetch(async () => Response.json({}), { mode: 'users', user: 'vi', role: 'viewer', via: 'session', readOnly: false });
    render(wrap(<SubmitPanel spec={spec} overlordUrl="http://druid:8888" onSubmitted={() => undefined} />));
    expect((await screen.findByTestId('submit-refused')).textContent).toBe('Submitting a supervisor needs the operator role; you are a viewer.');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submits).not.toHaveBeenCalled();
    // Copying the spec as curl or downloading it stays possible.
    expect(screen.getByRole('button', { name: 'Copy as curl' })).toHaveProperty('disabled', false);
  });

  it("shows Druid's refusal in words with the paths it names, and can submit again", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'druid_error', message: 'Druid refused the spec: Cannot change topic of a running supervisor', details: { issues: [{ path: 'spec.ioConfig.topic', message: 'topic cannot change' }] } } },
          { status: 400 },
        ),
      ),
    );
    render(wrap(<SubmitPanel spec={spec} overlordUrl="http://druid:8888" onSubmitted={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Druid refused the spec: Cannot change topic of a running supervisor');
    expect(alert.textContent).toContain('spec.ioConfig.topic: topic cannot change');
    expect(push).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why it cannot submit while the spec has problems', () => {
    render(wrap(<SubmitPanel spec={spec} blocked="Fix this problem to submit; first at spec.ioConfig: useEarliestOffset is not set." onSubmitted={() => undefined} />));
    expect((screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('submit-blocked').textContent).toContain('useEarliestOffset is not set');
  });
});
