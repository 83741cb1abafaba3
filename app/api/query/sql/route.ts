import { NDJSON_MEDIA_TYPE } from '@/lib/http';
import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { runSql } from '@/lib/query/run';
import { MAX_QUERY_TIMEOUT_MS, SqlQueryBodySchema, SqlStreamEventSchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Runs Druid SQL on the Broker, streamed back as NDJSON events: header, row batches, end (or error).
export const POST = apiRoute(
  {
    summary: 'Run Druid SQL on the Broker, the rows streamed back as JSON lines: header, row batches, end (or error)',
    body: SqlQueryBodySchema,
    response: { mediaType: NDJSON_MEDIA_TYPE, schema: SqlStreamEventSchema },
    timeoutMs: MAX_QUERY_TIMEOUT_MS + 30_000,
  }, ({ body, signal }) => runSql(druid(), body, signal));
