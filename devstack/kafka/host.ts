// The local Kafka cluster with its topics and control API, in this process. main.ts runs
// it as a service; tests that need no separate process can use it directly.
import type { KafkaState, Topic } from './control-api';
import { startControlServer } from './control-server';
import { MockCluster } from './mock-cluster';

export interface KafkaHostOptions {
  brokers: number;
  controlPort?: number;
  topics?: readonly Topic[];
}

export interface KafkaHost {
  readonly cluster: MockCluster;
  /** What the state file holds, for this process. */
  state(): KafkaState;
  stop(): Promise<void>;
}

export async function startKafkaHost(options: KafkaHostOptions): Promise<KafkaHost> {
  const cluster = new MockCluster({ brokers: options.brokers });
  try {
    for (const topic of options.topics ?? []) cluster.createTopic(topic);
    const control = await startControlServer(cluster, options.controlPort ?? 0);
    return {
      cluster,
      state: () => ({
        bootstrapServers: cluster.bootstrapServers,
        brokers: cluster.brokerIds(),
        topics: cluster.listTopics().map(({ name, partitions }) => ({ name, partitions })),
        controlUrl: control.url,
        pid: process.pid,
      }),
      async stop() {
        await control.close();
        cluster.close();
      },
    };
  } catch (error) {
    cluster.close();
    throw error;
  }
}
