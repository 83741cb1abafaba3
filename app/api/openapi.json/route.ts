// GET /api/openapi.json — this API described as an OpenAPI 3.1 document, built from the routes' own schemas.
import { buildOpenApi, routeEntries, type OpenApiDocument } from '@/lib/http';
import { apiRoute } from '@/lib/server/api';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

let document: OpenApiDocument | undefined;

// It holds no data, only what the routes take and answer: anyone who may use the app may read it.
export const GET = apiRoute({ summary: 'This API described as an OpenAPI 3.1 document: every route, its role, input and answer', response: { description: 'An OpenAPI 3.1 document.' } }, async () => {
  // Imported here, not above: the registry imports this module too.
  const { API_ROUTES } = await import('../routes');
  document ??= buildOpenApi(routeEntries(API_ROUTES), { version: packageJson.version });
  return document;
});
