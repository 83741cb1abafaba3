// GET /api/load/defaults — the Kafka brokers as Druid reaches them and the Overlord address for copy-as-curl; no credentials.
import { LoadDefaultsSchema } from '@/components/load/review/schemas';
import { getConfig } from '@/lib/config';
import { withoutCredentials } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({}, async () => {
  const config = getConfig();
  return LoadDefaultsSchema.parse({ bootstrapServers: [...config.kafka.brokersForDruid], overlordUrl: withoutCredentials(config.druid.overlordUrl) });
});
