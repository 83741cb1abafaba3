// One route of the API page: method, path, role, what it does, what it takes and what it answers.
import type { ReactNode } from 'react';
import type { JsonSchema, OpenApiOperation, OpenApiRef, OpenApiResponse, RoleNeeded } from '@/lib/http/openapi';
import { JsonTree } from './json-tree';
import { schemaText } from './schema-text';

const METHOD_STYLES: Record<string, string> = {
  get: 'bg-sky-100 text-sky-800',
  post: 'bg-emerald-100 text-emerald-800',
  put: 'bg-amber-100 text-amber-800',
  patch: 'bg-amber-100 text-amber-800',
  delete: 'bg-rose-100 text-rose-800',
};

export function OperationCard({ method, path, operation }: { method: string; path: string; operation: OpenApiOperation }) {
  const body = operation.requestBody;
  return (
    <article id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center gap-3">
        <h3 id={`${operation.operationId}-title`} className="flex items-center gap-2 font-mono text-sm">
          <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLES[method] ?? 'bg-slate-100 text-slate-800'}`}>{method}</span>
          <span className="break-all text-slate-900">{path}</span>
        </h3>
        <RoleBadge role={operation['x-tributary-role']} />
      </header>
      {operation.summary && <p className="mt-2 text-sm text-slate-800">{operation.summary}</p>}
      <p className="mt-1 text-xs text-slate-600">{operation.description}</p>

      {operation.parameters && operation.parameters.length > 0 && (
        <Section title="Parameters">
          <table className="w-full text-left text-xs">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">name</th>
                <th className="py-1 pr-3 font-medium">in</th>
                <th className="py-1 pr-3 font-medium">value</th>
                <th className="py-1 font-medium">required</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}:${parameter.name}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3 font-mono">{parameter.name}</td>
                  <td className="py-1 pr-3">{parameter.in}</td>
                  <td className="py-1 pr-3">
                    <span className="break-all">{schemaText(parameter.schema)}</span>
                    {parameter.description && <span className="block text-slate-500">{parameter.description}</span>}
                  </td>
                  <td className="py-1">{parameter.required ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      {body && (
        <Section title={`Request body${body.required ? '' : ' (optional)'}`}>
          {Object.entries(body.content).map(([mediaType, content]) => (
            <MediaType key={mediaType} mediaType={mediaType} schema={content.schema} />
          ))}
        </Section>
      )}

      <Section title="Responses">
        <ul className="space-y-2 text-xs">
          {Object.entries(operation.responses).map(([status, response]) => (
            <ResponseItem key={status} status={status} response={response} />
          ))}
        </ul>
      </Section>
    </article>
  );
}

function ResponseItem({ status, response }: { status: string; response: OpenApiResponse | OpenApiRef }) {
  const isError = '$ref' in response;
  return (
    <li>
      <span className={`mr-2 font-mono font-semibold ${isError ? 'text-rose-700' : 'text-emerald-700'}`}>{status}</span>
      <span className="text-slate-700">{response.description}</span>
      {isError ? (
        <a href="#errors" className="ml-2 text-brand-700 hover:underline">
          error shape
        </a>
      ) : (
        Object.entries(response.content ?? {}).map(([mediaType, content]) => <MediaType key={mediaType} mediaType={mediaType} schema={content.schema} />)
      )}
    </li>
  );
}

function MediaType({ mediaType, schema }: { mediaType: string; schema?: JsonSchema }) {
  return (
    <div className="mt-1">
      <p className="font-mono text-xs text-slate-500">{mediaType}</p>
      {schema && Object.keys(schema).length > 0 ? <JsonTree value={schema} /> : <p className="text-xs text-slate-500">Any JSON; not described further.</p>}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-3">
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

export function RoleBadge({ role }: { role: RoleNeeded }) {
  const style = 'rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700';
  if (typeof role === 'string') return <span className={style}>{role === 'anyone' ? 'anyone' : role === 'per-request' ? 'role per request' : `${role} role`}</span>;
  const [param, roles] = Object.entries(role)[0] ?? ['', {}];
  return (
    <span className={style}>
      role by {param}:{' '}
      {Object.entries(roles)
        .map(([value, need]) => `${value} ${need}`)
        .join(', ')}
    </span>
  );
}
