import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { runNative } from '@/lib/query/run';
import { MAX_QUERY_TIMEOUT_MS, NativeQueryBodySchema, NativeQueryResponseSchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Runs a native JSON query on the Broker: Druid's results as they are, plus a table of them.
export const POST = apiRoute({ summary: "Run a native JSON query on the Broker: Druid's results as they are, and a table of them", body: NativeQueryBodySchema, response: NativeQueryResponseSchema, timeoutMs: MAX_QUERY_TIMEOUT_MS + 30_000 }, ({ body, signal }) => runNative(druid(), body, signal));
