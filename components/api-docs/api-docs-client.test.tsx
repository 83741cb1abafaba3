// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildOpenApi, NDJSON_MEDIA_TYPE, routeEntries } from '@/lib/http/openapi';
import { route } from '@/lib/http/route';
import { ApiDocsClient } from './api-docs-client';

const ok = async () => ({});
// A document as the server builds it, from handlers made by the same route wrapper.
const document = buildOpenApi(
  routeEntries([
    {
      path: '/api/kafka/topics/{topic}/sample',
      area: 'Kafka',
      module: {
        POST: route(
          {
            summary: 'Read a sample of the topic',
            params: z.object({ topic: z.string().min(1) }),
            body: z.object({ limit: z.number().int().min(1).max(10_000).default(500), partitions: z.array(z.number().int()).optional() }),
            response: { mediaType: NDJSON_MEDIA_TYPE, schema: z.object({ type: z.literal('records') }) },
          },
          ok,
        ),
      },
    },
    {
      path: '/api/supervisors/{id}/{action}',
      area: 'Supervisors',
      module: { POST: route({ summary: 'Act on a supervisor', params: z.object({ id: z.string(), action: z.enum(['suspend', 'terminate']) }), role: ({ action }) => (action === 'terminate' ? 'admin' : 'operator') }, ok) },
    },
    { path: '/api/audit', area: 'Audit', module: { GET: route({ summary: 'Read the audit trail', role: 'operator', query: z.object({ format: z.enum(['json', 'jsonl']).optional() }) }, ok) } },
  ]),
  { version: '0.1.0' },
);

function renderPage(answer: [number, unknown]) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    return Promise.resolve(new Response(JSON.stringify(answer[1]), { status: answer[0], headers: { 'content-type': 'application/json' } }));
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ApiDocsClient />
    </QueryClientProvider>,
  );
  return urls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the API page', () => {
  it('groups the routes by area, each with its method, path, role and summary', async () => {
    const urls = renderPage([200, document]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Kafka' })).toBeTruthy();
    expect(urls).toEqual(['/api/openapi.json']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Errors and signing in', 'Kafka', 'Supervisors', 'Audit']);
    const audit = screen.getByRole('article', { name: 'get/api/audit' });
    expect(audit.textContent).toContain('operator role');
    expect(audit.textContent).toContain('Read the audit trail');
    expect(audit.textContent).toContain('Needs the operator role.');
    const action = screen.getByRole('article', { name: 'post/api/supervisors/{id}/{action}' });
    expect(action.textContent).toContain('role by action: suspend operator, terminate admin');
    expect(screen.getByRole('link', { name: 'Download openapi.json' }).getAttribute('href')).toBe('/api/openapi.json');
  });

  it('shows parameters in words, the request body as a tree, and a streamed answer by its media type', async () => {
    renderPage([200, document]);
    const sample = await screen.findByRole('article', { name: 'post/api/kafka/topics/{topic}/sample' });
    const row = within(sample).getByRole('row', { name: /topic/ });
    expect(row.textContent).toContain('string, at least 1 character');
    expect(within(sample).getByText('Request body (optional)')).toBeTruthy();
    expect(within(sample).getByText('limit:')).toBeTruthy();
    expect(within(sample).getByText(NDJSON_MEDIA_TYPE)).toBeTruthy();
    expect(within(sample).getByText(/A stream of JSON lines/)).toBeTruthy();
    // Errors point to the one shape, shown once.
    expect(within(sample).getAllByRole('link', { name: 'error shape' })[0].getAttribute('href')).toBe('#errors');
    expect(screen.getByRole('region', { name: 'Errors and signing in' }).textContent).toContain('tributary_session');
  });

  it('says why the description could not be read', async () => {
    renderPage([401, { error: { code: 'unauthorized', message: 'Sign in to use Tributary.' } }]);
    expect((await screen.findByRole('alert')).textContent).toBe('The API description could not be read: Sign in to use Tributary.');
  });
});
