// The engine as a process: npx tsx devstack/druid/main.ts --port 0 --data .devstack/druid.duckdb --state .devstack/druid.json
// Writes { url, pid } to the state file once listening; stops on SIGINT/SIGTERM or when its
// parent process goes away, so a crashed orchestrator never leaves it running.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runUntilStopped } from '../lifecycle';
import { removeStateFile, writeStateFile } from '../state-file';
import { startEngine } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string', default: ':memory:' },
      state: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'parent-pid': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  if (values.data !== ':memory:') mkdirSync(path.dirname(path.resolve(values.data)), { recursive: true });
  const engine = await startEngine({ port, dataPath: values.data, host: values.host });
  if (values.state) writeStateFile(path.resolve(values.state), { url: engine.url, pid: process.pid });
  console.log(`local Druid engine listening on ${engine.url}`);
  runUntilStopped(
    async () => {
      await engine.close().catch((error) => console.error(error));
      if (values.state) removeStateFile(path.resolve(values.state));
    },
    { parentPid: values['parent-pid'] ? Number(values['parent-pid']) : undefined, log: (line) => console.log(`local Druid engine ${line}`) },
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
