import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { cancelQuery } from '@/lib/query/run';
import { CancelParamsSchema, CancelResultSchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Cancels a running native query in Druid by the queryId the page gave it.
export const DELETE = apiRoute({ summary: 'Cancel a running native query in Druid by its queryId', params: CancelParamsSchema, response: CancelResultSchema, timeoutMs: 15_000 }, ({ params }) => cancelQuery(druid(), 'native', params.queryId));
