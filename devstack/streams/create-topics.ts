// Creates the stream topics on a real Kafka cluster (docker-compose.yml), with the
// catalogue's partition counts. Topics that exist already are left as they are.
//   npx tsx devstack/streams/create-topics.ts --bootstrap kafka:19092 [--replication-factor 1]
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { STREAM_TOPICS } from './catalogue';
import { ensureStreamTopics } from './run-streams';

const { values } = parseArgs({
  options: { bootstrap: { type: 'string' }, 'replication-factor': { type: 'string', default: '1' } },
});

async function main(): Promise<void> {
  if (!values.bootstrap) throw new Error('--bootstrap host:port is required');
  const kafka = new Kafka({ clientId: 'tributary-streams', brokers: values.bootstrap.split(','), logLevel: logLevel.ERROR });
  const { created } = await ensureStreamTopics(kafka, STREAM_TOPICS, Number(values['replication-factor']));
  for (const topic of STREAM_TOPICS) {
    console.log(`${created.includes(topic.name) ? 'created' : 'exists '} ${topic.name} (${topic.partitions} partitions)`);
  }
}

main().catch((error) => {
  console.error(`could not create the stream topics: ${(error as Error).message}`);
  process.exit(1);
});
