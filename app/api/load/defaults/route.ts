// GET /api/load/defaults — the Kafka brokers as Druid reaches them, how Druid authenticates to Kafka, the clusters a spec
// may name, and the Overlord address for copy-as-curl; no credentials.
import { LoadDefaultsSchema } from '@/components/load/review/schemas';
import { getConfig } from '@/lib/config';
import { withoutCredentials } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { ownClusters } from '@/lib/server/own-clusters';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ summary: 'What a new spec needs from this server: the brokers as Druid reaches them, Kafka security, the clusters a spec may name', response: LoadDefaultsSchema }, async () => {
  const config = getConfig();
  return LoadDefaultsSchema.parse({
    bootstrapServers: [...config.kafka.brokersForDruid],
    overlordUrl: withoutCredentials(config.druid.overlordUrl),
    // Names only: the password is in Druid's environment, not in Tributary's answers.
    kafkaSecurity: config.kafka.securityForDruid,
    ownClusters: ownClusters(),
  });
});
