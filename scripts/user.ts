// npm run user -- add NAME --role ROLE | remove NAME | list: Tributary's users file (TRIBUTARY_AUTH=users).
// See lib/http/user-cli.ts; this file only connects it to the terminal.
import { runUserCommand, UserCliError } from '../lib/http/user-cli';
import { UsersFileError } from '../lib/http/users-file';

/** Reads a line from the terminal without showing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new UserCliError('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) return readStdinLine();
  const first = await askHidden(`Password for ${name}: `);
  const again = await askHidden('Again: ');
  if (first !== again) throw new UserCliError('The two passwords differ; nothing was changed.');
  return first;
}

runUserCommand(process.argv.slice(2), {
  readPassword,
  print: (line) => console.log(line),
  defaultFile: process.env.TRIBUTARY_USERS_FILE || undefined,
}).catch((error: Error) => {
  if (!(error instanceof UserCliError || error instanceof UsersFileError)) throw error;
  console.error(error.message);
  process.exit(1);
});
