import { NDJSON_MEDIA_TYPE } from '@/lib/http';
import { apiRoute } from '@/lib/server/api';
import { planSample } from '@/lib/kafka/sample-plan';
import { runSample } from '@/lib/kafka/sampler';
import { ndjsonResponse } from '@/lib/kafka/sample-stream';
import { SAMPLE_TIMEOUT_MS_MAX, SampleEventSchema, SampleRequestSchema, TopicParamsSchema } from '@/lib/kafka/schemas';
import { appKafka } from '@/lib/kafka/server';

export const dynamic = 'force-dynamic';

// Reads a sample of the topic without a consumer group, streamed as NDJSON events: start, records, end.
export const POST = apiRoute(
  {
    summary: 'Read a sample of the topic without joining a consumer group, streamed as JSON lines: start, records, end',
    params: TopicParamsSchema,
    body: SampleRequestSchema,
    response: { mediaType: NDJSON_MEDIA_TYPE, schema: SampleEventSchema },
    timeoutMs: SAMPLE_TIMEOUT_MS_MAX + 30_000,
  },
  async ({ params, body, signal }) => {
    const kafka = appKafka();
    // Planning fails fast with a plain JSON error (unknown topic, unreachable Kafka) before the stream starts.
    const plan = await planSample(kafka, params.topic, body);
    return ndjsonResponse((stop) => runSample(kafka, plan, stop), signal);
  },
);
