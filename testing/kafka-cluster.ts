// A Kafka cluster of several KRaft nodes (each broker and controller) for tests that need one
// broker to really go away and come back: a lost leader, one of three down.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Admin, ITopicConfig } from 'kafkajs';
import { formatKafka, newClusterId, startKafkaNode, waitForKafka, type KafkaOptions } from '@/devstack/real/kafka';
import { resolveClasspath } from '@/devstack/real/maven';
import { stopJvm, type Jvm } from '@/devstack/real/jvm';
import { pollUntil } from './real-stack';

export interface KafkaCluster {
  readonly bootstrapServers: string;
  readonly nodes: readonly { readonly nodeId: number; readonly port: number; readonly logFile: string }[];
  /** Stops a node's JVM (SIGKILL when `crash`), as a failed broker goes away. */
  stopNode(nodeId: number, options?: { crash?: boolean }): Promise<void>;
  /** Starts a stopped node again, on its old log folder; resolves once the cluster lists it. */
  startNode(nodeId: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts `size` nodes on ports portBase+10·i (broker) and portBase+10·i+1 (controller). */
export async function startKafkaCluster(options: { dir: string; portBase: number; size?: number; log?: (line: string) => void }): Promise<KafkaCluster> {
  const size = options.size ?? 3;
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(options.dir);
  rmSync(dir, { recursive: true, force: true });
  const classpath = await resolveClasspath('kafka', log);
  const ids = Array.from({ length: size }, (_, i) => i + 1);
  const port = (id: number) => options.portBase + 10 * id;
  const voters = ids.map((id) => `${id}@127.0.0.1:${port(id) + 1}`).join(',');
  const nodeOptions = new Map<number, KafkaOptions>(
    ids.map((id) => {
      const nodeDir = path.join(dir, `node-${id}`);
      mkdirSync(path.join(nodeDir, 'logs'), { recursive: true });
      return [id, { dir: nodeDir, logDir: path.join(nodeDir, 'logs'), classpath, port: port(id), controllerPort: port(id) + 1, nodeId: id, voters, name: `kafka-${id}` }];
    }),
  );
  const clusterId = newClusterId();
  await Promise.all([...nodeOptions.values()].map((node) => formatKafka(node, clusterId)));
  const running = new Map<number, Jvm>(ids.map((id) => [id, startKafkaNode(nodeOptions.get(id)!)]));
  const bootstrapServers = ids.map((id) => `127.0.0.1:${port(id)}`).join(',');
  const close = async () => {
    await Promise.all([...running.values()].map((jvm) => stopJvm(jvm)));
    running.clear();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForKafka(bootstrapServers.split(',')[0], running.get(1)!, size);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    bootstrapServers,
    nodes: ids.map((id) => ({ nodeId: id, port: port(id), logFile: path.join(nodeOptions.get(id)!.logDir, 'kafka.log') })),
    async stopNode(nodeId, stopOptions) {
      const jvm = running.get(nodeId);
      if (!jvm) return;
      running.delete(nodeId);
      if (stopOptions?.crash) {
        const exited = new Promise((resolve) => jvm.child.once('exit', resolve));
        jvm.child.kill('SIGKILL');
        await exited;
      } else await stopJvm(jvm);
    },
    async startNode(nodeId) {
      if (running.has(nodeId)) return;
      const jvm = startKafkaNode(nodeOptions.get(nodeId)!);
      running.set(nodeId, jvm);
      await waitForKafka(bootstrapServers.split(',').find((_, i) => ids[i] !== nodeId) ?? `127.0.0.1:${port(nodeId)}`, jvm, size);
    },
    close,
  };
}

/**
 * Creates topics on a cluster that may have just started: its brokers can answer that they do not
 * host a partition yet, which kafkajs's own wait for leaders does not retry. Asks until every
 * partition names its leader.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[]): Promise<void> {
  await admin.createTopics({ topics });
  const names = topics.map((topic) => topic.topic);
  await pollUntil(
    `leaders for ${names.join(', ')}`,
    () => admin.fetchTopicMetadata({ topics: names }).catch(() => ({ topics: [] })),
    (metadata) => metadata.topics.length === names.length && metadata.topics.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0)),
    60_000,
    500,
  );
}
