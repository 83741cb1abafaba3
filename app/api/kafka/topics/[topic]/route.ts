import { apiRoute } from '@/lib/server/api';
import { describeTopic } from '@/lib/kafka/catalogue';
import { TopicDetailSchema, TopicParamsSchema } from '@/lib/kafka/schemas';
import { appKafka } from '@/lib/kafka/server';

export const dynamic = 'force-dynamic';

// One topic in detail: partitions with leaders, replicas and offsets, its configs where the broker tells them,
// and the consumer groups that committed offsets on it, with their lag.
export const GET = apiRoute({ summary: 'One topic in detail: partitions, offsets, configs and the consumer groups reading it', params: TopicParamsSchema, response: TopicDetailSchema }, ({ params, signal }) => describeTopic(appKafka(), params.topic, { signal }));
