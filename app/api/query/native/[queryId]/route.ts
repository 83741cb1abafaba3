import { apiRoute } from '@/lib/server/api';
import { druid } from '@/lib/server/druid';
import { cancelQuery } from '@/lib/query/run';
import { CancelParamsSchema } from '@/lib/query/schemas';

export const dynamic = 'force-dynamic';

// Cancels a running native query in Druid by the queryId the page gave it.
export const DELETE = apiRoute({ params: CancelParamsSchema, timeoutMs: 15_000 }, ({ params }) => cancelQuery(druid(), 'native', params.queryId));
