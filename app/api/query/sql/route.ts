import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { runSql } from '@/lib/query/run';
import { MAX_QUERY_TIMEOUT_MS, SqlQueryBodySchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Runs Druid SQL on the Broker, streamed back as NDJSON events: header, row batches, end (or error).
export const POST = apiRoute({ body: SqlQueryBodySchema, timeoutMs: MAX_QUERY_TIMEOUT_MS + 30_000 }, ({ body, signal }) => runSql(druid(), body, signal));
