// The local Kafka cluster as a service process:
//   npx tsx devstack/kafka/main.ts --brokers 3 --state .devstack/kafka.json --control-port 0 --topics streams
// Prints one line when ready and writes the state file (bootstrap servers, topics, control
// URL); removes it and exits 0 on SIGINT/SIGTERM or when its parent process is gone.
import { parseKafkaArgs } from './args';
import { startKafkaHost } from './host';
import { runUntilStopped } from '../lifecycle';
import { removeStateFile, writeStateFile } from '../state-file';

const log = (line: string) => process.stderr.write(`[kafka] ${line}\n`);

async function main(): Promise<void> {
  const args = parseKafkaArgs(process.argv.slice(2));
  const host = await startKafkaHost({ brokers: args.brokers, controlPort: args.controlPort, topics: args.topics });
  const state = host.state();
  runUntilStopped(
    async () => {
      removeStateFile(args.stateFile);
      await host.stop();
    },
    { parentPid: args.parentPid, log },
  );
  writeStateFile(args.stateFile, state);
  process.stdout.write(
    `Kafka ready: bootstrap servers ${state.bootstrapServers} (${state.brokers.length} brokers, ${state.topics.length} topics), control API ${state.controlUrl}\n`,
  );
}

main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
