import { apiRoute } from '@/lib/server/api';
import { describeTopic } from '@/lib/kafka/catalogue';
import { TopicParamsSchema } from '@/lib/kafka/schemas';
import { appKafka } from '@/lib/kafka/server';

export const dynamic = 'force-dynamic';

// One topic in detail: partitions with leaders, replicas and offsets, and its configs where the broker tells them.
export const GET = apiRoute({ params: TopicParamsSchema }, ({ params }) => describeTopic(appKafka(), params.topic));
