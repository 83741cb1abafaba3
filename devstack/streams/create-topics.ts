// Creates the stream topics on a real Kafka cluster (docker-compose.yml), with the
// catalogue's partition counts. Topics that exist already are left as they are.
//   npx tsx devstack/streams/create-topics.ts --bootstrap kafka:19092 [--replication-factor 1]
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { STREAM_TOPICS } from './catalogue';

const { values } = parseArgs({
  options: { bootstrap: { type: 'string' }, 'replication-factor': { type: 'string', default: '1' } },
});

async function main(): Promise<void> {
  if (!values.bootstrap) throw new Error('--bootstrap host:port is required');
  const admin = new Kafka({ clientId: 'tributary-streams', brokers: values.bootstrap.split(','), logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = STREAM_TOPICS.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: Number(values['replication-factor']),
        })),
      });
    }
    for (const topic of STREAM_TOPICS) {
      console.log(`${existing.has(topic.name) ? 'exists ' : 'created'} ${topic.name} (${topic.partitions} partitions)`);
    }
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(`could not create the stream topics: ${(error as Error).message}`);
  process.exit(1);
});
