// The state file devstack/streams/main.ts writes once the history is in Kafka.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const streamsStateSchema = z.object({
  bootstrapServers: z.string().min(1),
  historyHours: z.number().min(0),
  rateScale: z.number().positive(),
  topics: z.array(z.object({ name: z.string(), partitions: z.number().int().min(1), historyRecords: z.number().int().min(0) })),
  historyDoneAt: z.iso.datetime(),
  pid: z.number().int(),
});
export type StreamsState = z.infer<typeof streamsStateSchema>;

export async function readStreamsState(file: string): Promise<StreamsState> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`cannot read streams state file ${file}: ${error.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`streams state file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = streamsStateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`streams state file ${file} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
