import { apiRoute } from '@/lib/server/api';
import { listTopics } from '@/lib/kafka/catalogue';
import { TopicListQuerySchema, TopicListSchema } from '@/lib/kafka/schemas';
import { appKafka } from '@/lib/kafka/server';

export const dynamic = 'force-dynamic';

// Every topic with partitions, offsets, message count, recent rate and newest message time; ?internal=true adds internal topics.
export const GET = apiRoute({ summary: 'Every topic with partitions, offsets, message count, recent rate and newest message time', query: TopicListQuerySchema, response: TopicListSchema }, ({ query }) => listTopics(appKafka(), { includeInternal: query.internal }));
