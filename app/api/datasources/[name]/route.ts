import { z } from 'zod';
import { DatasourceNameSchema, DatasourceViewSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { datasourceView } from '@/lib/server/datasources';

export const dynamic = 'force-dynamic';

// GET /api/datasources/{name} — the supervisors that write to one datasource, with their states and lag.
export const GET = apiRoute(
  { summary: 'The supervisors that write to one datasource (Druid allows several), with their states and lag', params: z.object({ name: DatasourceNameSchema }), response: DatasourceViewSchema, timeoutMs: 20_000 },
  ({ params, signal }) => datasourceView(params.name, signal),
);
