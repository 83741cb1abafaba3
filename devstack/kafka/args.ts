// Command line of devstack/kafka/main.ts:
//   --brokers 3 --state .devstack/kafka.json --control-port 0 [--topics streams]
//   [--topic name:partitions]... [--parent-pid pid]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { STREAM_TOPICS } from '../streams/catalogue';
import { topicSchema, type Topic } from './control-api';

export interface KafkaHostArgs {
  brokers: number;
  stateFile: string;
  controlPort: number;
  topics: Topic[];
  parentPid?: number;
}

const argsSchema = z.object({
  brokers: z.coerce.number().int().min(1).max(16),
  state: z.string().min(1),
  'control-port': z.coerce.number().int().min(0).max(65_535),
  topics: z.enum(['streams', 'none']),
  topic: z.array(z.string()),
  'parent-pid': z.coerce.number().int().min(1).optional(),
});

export function parseKafkaArgs(argv: readonly string[]): KafkaHostArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        brokers: { type: 'string', default: '3' },
        state: { type: 'string', default: '.devstack/kafka.json' },
        'control-port': { type: 'string', default: '0' },
        topics: { type: 'string', default: 'none' },
        topic: { type: 'string', multiple: true, default: [] },
        'parent-pid': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error((error as Error).message);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const args = parsed.data;
  const byName = new Map<string, Topic>();
  if (args.topics === 'streams') {
    for (const topic of STREAM_TOPICS) byName.set(topic.name, { name: topic.name, partitions: topic.partitions });
  }
  // An explicit --topic wins over the catalogue's partition count.
  for (const spec of args.topic) {
    const topic = parseTopicArg(spec);
    byName.set(topic.name, topic);
  }
  return {
    brokers: args.brokers,
    stateFile: args.state,
    controlPort: args['control-port'],
    topics: [...byName.values()],
    parentPid: args['parent-pid'],
  };
}

/** "orders:4" -> { name: "orders", partitions: 4 } */
export function parseTopicArg(spec: string): Topic {
  const at = spec.lastIndexOf(':');
  if (at <= 0) throw new Error(`--topic ${spec}: expected name:partitions, e.g. orders:4`);
  const parsed = topicSchema.safeParse({ name: spec.slice(0, at), partitions: Number(spec.slice(at + 1)) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--topic ${spec}: ${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}
