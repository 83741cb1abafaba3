// The real Kafka and Druid on their own, for tests to reuse and for working on Tributary:
//   npm run stack -- [--dir .devstack/real] [--port-base 28000] [--task-slots 8]
// Writes <dir>/state.json when everything is ready (addresses, ports, logs, pids); Ctrl-C,
// SIGTERM or the death of the process that started it stops every JVM.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runUntilStopped, writeStateFile } from '../process';
import { TEST_PORT_BASE } from './ports';
import { startRealStack } from './stack';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '.devstack/real' },
    'port-base': { type: 'string', default: String(TEST_PORT_BASE) },
    'task-slots': { type: 'string', default: '8' },
    'parent-pid': { type: 'string' },
  },
});

const log = (line: string) => process.stdout.write(`[stack] ${line}\n`);

async function main(): Promise<void> {
  const dir = path.resolve(values.dir!);
  const stateFile = path.join(dir, 'state.json');
  const stack = await startRealStack({ dir, portBase: Number(values['port-base']), taskSlots: Number(values['task-slots']), log });
  runUntilStopped(stack.stop, { parentPid: values['parent-pid'] ? Number(values['parent-pid']) : undefined, stateFile, log });
  writeStateFile(stateFile, { ...stack.state, pid: process.pid });
  log(`Druid Router ${stack.state.druid.routerUrl}, Overlord ${stack.state.druid.overlordUrl}, Broker ${stack.state.druid.brokerUrl}; Kafka ${stack.state.kafka.bootstrapServers}`);
}

main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
