// The stream generators as a service process:
//   npx tsx devstack/streams/main.ts --bootstrap 127.0.0.1:9092 --history-hours 3 --state .devstack/streams.json
// Writes the state file once every topic's history is in Kafka, then keeps producing in
// real time until SIGINT/SIGTERM or until its parent process is gone.
import { runUntilStopped, writeStateFile } from '../process';
import { parseStreamsArgs } from './args';
import { startStreams } from './run-streams';

/** What the state file says: written once the history is in Kafka. */
export interface StreamsState {
  bootstrapServers: string;
  historyHours: number;
  rateScale: number;
  topics: { name: string; partitions: number; historyRecords: number }[];
  /** ISO time. */
  historyDoneAt: string;
  pid: number;
}

const log = (line: string) => process.stderr.write(`[streams] ${line}\n`);

async function main(): Promise<void> {
  const args = parseStreamsArgs(process.argv.slice(2));
  const startedMs = Date.now();
  const streams = startStreams({ ...args, log });
  runUntilStopped(streams.stop, { parentPid: args.parentPid, stateFile: args.stateFile, log });
  await streams.historyDone;
  const produced = streams.produced();
  const total = Object.values(produced).reduce((sum, count) => sum + count, 0);
  if (args.stateFile) {
    const state: StreamsState = {
      bootstrapServers: args.bootstrapServers,
      historyHours: args.historyHours,
      rateScale: args.rateScale,
      topics: streams.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions, historyRecords: produced[topic.name] })),
      historyDoneAt: new Date().toISOString(),
      pid: process.pid,
    };
    writeStateFile(args.stateFile, state);
  }
  process.stdout.write(`Streams ready: ${total} history records in ${streams.topics.length} topics (${Date.now() - startedMs} ms); producing in real time\n`);
}

main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
