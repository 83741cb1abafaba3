// Command line of devstack/streams/main.ts:
//   --bootstrap <servers> [--history-hours 3] [--rate-scale 1] [--only topicA,topicB]
//   [--topic-prefix text] [--state file] [--seed text] [--parent-pid pid]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { selectStreamTopics } from './catalogue';
import { DEFAULT_HISTORY_HOURS } from './run-streams';

export interface StreamsArgs {
  bootstrapServers: string;
  historyHours: number;
  rateScale: number;
  only: string[];
  topicPrefix?: string;
  stateFile?: string;
  seed?: string;
  parentPid?: number;
}

const argsSchema = z.object({
  bootstrap: z.string({ error: 'required: the Kafka bootstrap servers, host:port[,host:port]' }).regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port...]'),
  'history-hours': z.coerce.number().min(0).max(24 * 7),
  'rate-scale': z.coerce.number().positive().max(1000),
  only: z.string().optional(),
  // Kafka's legal topic characters; the longest catalogue name leaves room within its 249.
  'topic-prefix': z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'letters, digits, ".", "_" and "-" only').optional(),
  state: z.string().min(1).optional(),
  seed: z.string().min(1).optional(),
  'parent-pid': z.coerce.number().int().min(1).optional(),
});

export function parseStreamsArgs(argv: readonly string[]): StreamsArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      bootstrap: { type: 'string' },
      'history-hours': { type: 'string', default: String(DEFAULT_HISTORY_HOURS) },
      'rate-scale': { type: 'string', default: '1' },
      only: { type: 'string' },
      'topic-prefix': { type: 'string' },
      state: { type: 'string' },
      seed: { type: 'string' },
      'parent-pid': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const args = parsed.data;
  const only = (args.only ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  try {
    selectStreamTopics(only);
  } catch (error) {
    throw new Error(`--only: ${(error as Error).message}`);
  }
  return {
    bootstrapServers: args.bootstrap,
    historyHours: args['history-hours'],
    rateScale: args['rate-scale'],
    only,
    topicPrefix: args['topic-prefix'],
    stateFile: args.state,
    seed: args.seed,
    parentPid: args['parent-pid'],
  };
}
