'use client';
// The API page: GET /api/openapi.json rendered for a reader, route by route and grouped by area,
// with the error shape and the ways to sign in that every route shares.
import { useQuery } from '@tanstack/react-query';
import type { HttpMethod, OpenApiDocument, OpenApiOperation } from '@/lib/http/openapi';
import { apiDocsQuery, OPENAPI_URL } from './api';
import { JsonTree } from './json-tree';
import { OperationCard } from './operation-card';

const ERROR_EXAMPLE = JSON.stringify({ error: { code: 'forbidden', message: 'Terminate needs the admin role; you are an operator.', details: { need: 'admin', role: 'operator', user: 'otto' } } }, null, 2);

interface Entry {
  readonly method: Lowercase<HttpMethod>;
  readonly path: string;
  readonly operation: OpenApiOperation;
}

function entriesByArea(document: OpenApiDocument): { area: string; entries: Entry[] }[] {
  const entries = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method as Lowercase<HttpMethod>, path, operation: operation as OpenApiOperation })),
  );
  return document.tags.map(({ name }) => ({ area: name, entries: entries.filter((entry) => entry.operation.tags.includes(name)) }));
}

export function ApiDocsClient() {
  const docs = useQuery(apiDocsQuery);
  if (docs.isPending) return <p className="text-sm text-slate-500">Reading the API description…</p>;
  if (docs.isError) {
    return (
      <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        The API description could not be read: {docs.error.message}
      </p>
    );
  }
  const document = docs.data;
  const areas = entriesByArea(document);
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Routes" className="text-sm lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
        <a href={OPENAPI_URL} download="tributary-openapi.json" className="font-medium text-brand-700 hover:underline">
          Download openapi.json
        </a>
        <p className="mt-1 text-xs text-slate-500">
          OpenAPI {document.openapi}, Tributary {document.info.version}
        </p>
        {areas.map(({ area, entries }) => (
          <div key={area} className="mt-4">
            <a href={`#area-${area}`} className="font-semibold text-slate-900 hover:underline">
              {area}
            </a>
            <ul className="mt-1 space-y-0.5">
              {entries.map(({ method, path, operation }) => (
                <li key={operation.operationId}>
                  <a href={`#${operation.operationId}`} className="block truncate font-mono text-xs text-slate-600 hover:text-slate-900" title={`${method.toUpperCase()} ${path}`}>
                    <span className="inline-block w-12 uppercase">{method}</span>
                    {path.replace(/^\/api/, '')}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="min-w-0 space-y-8">
        <section aria-label="About this API" className="space-y-2 text-sm text-slate-700">
          {document.info.description.split('\n\n').map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
        <section id="errors" aria-labelledby="errors-title" className="scroll-mt-20">
          <h2 id="errors-title" className="mb-2 text-lg font-semibold">
            Errors and signing in
          </h2>
          <p className="mb-2 text-sm text-slate-700">Every error, whatever the route, has the same shape, such as:</p>
          <pre className="mb-2 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">{ERROR_EXAMPLE}</pre>
          <JsonTree value={document.components.schemas.Error} />
          <p className="mt-3 text-sm text-slate-700">Where the access settings ask for credentials, send one of:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {Object.entries(document.components.securitySchemes).map(([name, scheme]) => (
              <li key={name}>
                <span className="font-mono">{scheme.type === 'http' ? `HTTP ${String(scheme.scheme)}` : `${String(scheme.in)} ${String(scheme.name)}`}</span>: {String(scheme.description ?? '')}
              </li>
            ))}
          </ul>
        </section>
        {areas.map(({ area, entries }) => (
          <section key={area} id={`area-${area}`} aria-labelledby={`area-${area}-title`} className="scroll-mt-20 space-y-3">
            <h2 id={`area-${area}-title`} className="text-lg font-semibold">
              {area}
            </h2>
            {entries.map(({ method, path, operation }) => (
              <OperationCard key={operation.operationId} method={method} path={path} operation={operation} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
