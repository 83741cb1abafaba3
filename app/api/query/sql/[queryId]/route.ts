import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { cancelQuery } from '@/lib/query/run';
import { CancelParamsSchema, CancelResultSchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Cancels a running SQL query in Druid by the sqlQueryId the page gave it.
export const DELETE = apiRoute({ summary: 'Cancel a running SQL query in Druid by its sqlQueryId', params: CancelParamsSchema, response: CancelResultSchema, timeoutMs: 15_000 }, ({ params }) => cancelQuery(druid(), 'sql', params.queryId));
