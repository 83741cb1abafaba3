// npm start (and npm run dev): Next's server, listening on 127.0.0.1 in open mode — where
// everyone who reaches the page is admin — unless TRIBUTARY_HOST or -H/--hostname says where.
//   npm start -- -p 4000          TRIBUTARY_HOST=0.0.0.0 npm start
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listenHost } from '../lib/config/access';

const ROOT = path.resolve(import.meta.dirname, '..');
const [mode, ...rest] = process.argv.slice(2)[0] === 'dev' ? process.argv.slice(2) : ['start', ...process.argv.slice(2)];

// The same .env files Next reads, with Next's own loader, so TRIBUTARY_AUTH in .env.local counts here too.
const nextRequire = createRequire(createRequire(import.meta.url).resolve('next/package.json'));
(nextRequire('@next/env') as typeof import('@next/env')).loadEnvConfig(ROOT, mode === 'dev');

const hostGiven = rest.some((arg) => arg === '-H' || arg === '--hostname' || arg.startsWith('--hostname='));
const host = hostGiven ? undefined : listenHost(process.env);
const args = [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), mode, ...rest, ...(host ? ['-H', host] : [])];
if (host === '127.0.0.1' && !process.env.TRIBUTARY_HOST) {
  console.log('Open access (TRIBUTARY_AUTH=open): listening on 127.0.0.1 only. Set TRIBUTARY_HOST=0.0.0.0 to listen on every interface.');
}
const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
