// Command line of devstack/streams/main.ts:
//   --bootstrap <servers> [--history-hours 3] [--rate-scale 1] [--only topicA,topicB]
//   [--topic-prefix text] [--state file] [--seed text] [--parent-pid pid]
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { selectStreamTopics } from './catalogue';
import { DEFAULT_HISTORY_HOURS } from './run-streams';

const argsSchema = z.object({
  bootstrap: z.string({ error: 'required: the Kafka bootstrap servers, host:port[,host:port]' }).regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port...]'),
  'history-hours': z.coerce.number().min(0).max(24 * 7).default(DEFAULT_HISTORY_HOURS),
  'rate-scale': z.coerce.number().positive().max(1000).default(1),
  only: z
    .string()
    .default('')
    .transform((list, context) => {
      const names = list.split(',').map((name) => name.trim()).filter(Boolean);
      try {
        selectStreamTopics(names);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
      return names;
    }),
  // Kafka's legal topic characters; the longest catalogue name leaves room within its 249.
  'topic-prefix': z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'letters, digits, ".", "_" and "-" only').optional(),
  state: z.string().min(1).optional(),
  seed: z.string().min(1).optional(),
  'parent-pid': z.coerce.number().int().min(1).optional(),
});

export function parseStreamsArgs(argv: readonly string[]) {
  const options = Object.fromEntries(Object.keys(argsSchema.shape).map((flag) => [flag, { type: 'string' as const }]));
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const args = parsed.data;
  return {
    bootstrapServers: args.bootstrap,
    historyHours: args['history-hours'],
    rateScale: args['rate-scale'],
    only: args.only,
    topicPrefix: args['topic-prefix'],
    stateFile: args.state,
    seed: args.seed,
    parentPid: args['parent-pid'],
  };
}
