// kafkajs refuses a whole Metadata answer when one partition in it reports an error — a partition
// left without a leader once Kafka fenced the broker that held its only replica — so every topic,
// not just that partition, would fail. Brokers made through this keep partition errors in the
// answer (the leader reads -1), and the catalogue and sampler name that partition instead.
// A topic-level error (an unknown topic asked for by name) still fails the request.
import type Cluster from 'kafkajs/src/cluster';
import type { RawBroker, RawMetadata } from 'kafkajs/src/cluster';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys';
import { requests } from 'kafkajs/src/protocol/requests';
import { createErrorFromCode } from 'kafkajs/src/protocol/error';

interface MetadataAnswer {
  topicMetadata: { topicErrorCode: number }[];
}

/** Makes every broker the cluster creates from now on read Metadata leniently. */
export function keepPartitionErrors(cluster: Cluster): void {
  const pool = cluster.brokerPool as unknown as { createBroker: (options: object) => RawBroker };
  const create = pool.createBroker;
  pool.createBroker = (options) => lenient(create(options));
}

function lenient(broker: RawBroker): RawBroker {
  const internals = broker as unknown as {
    lookupRequest: (apiKey: number, definition: unknown) => (request: object) => { response: { parse: (data: unknown) => Promise<unknown> } };
    connectionPool: { send(request: object): Promise<RawMetadata> };
    allowAutoTopicCreation: boolean;
  };
  broker.metadata = async (topics: string[] = []) => {
    const request = internals.lookupRequest(apiKeys.Metadata, requests.Metadata)({ topics, allowAutoTopicCreation: internals.allowAutoTopicCreation });
    const parse = async (data: unknown) => {
      const failed = (data as MetadataAnswer).topicMetadata.find((topic) => topic.topicErrorCode !== 0);
      if (failed) throw createErrorFromCode(failed.topicErrorCode);
      return data;
    };
    return internals.connectionPool.send({ ...request, response: { ...request.response, parse } });
  };
  return broker;
}
