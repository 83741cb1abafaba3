// Browser side of GET /api/openapi.json: the document the API page renders. It changes only
// with a new version of Tributary, so it is read once per visit.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import type { OpenApiDocument } from '@/lib/http/openapi';

export const OPENAPI_URL = '/api/openapi.json';

export const apiDocsQuery = queryOptions({
  queryKey: ['openapi'] as const,
  queryFn: ({ signal }) => fetchJson<OpenApiDocument>(OPENAPI_URL, { signal }),
  staleTime: Infinity,
});
