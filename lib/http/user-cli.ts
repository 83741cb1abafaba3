// `npm run user -- add NAME --role ROLE | remove NAME | list [--file PATH]`: the users file of
// TRIBUTARY_AUTH=users, managed from a shell on the server. scripts/user.ts wires it to the
// terminal; the password never appears on the command line, where `ps` and shell history would keep it.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from './identity';
import { hashPassword, type ScryptParams } from './passwords';
import { readUsersFile, USER_NAME_PATTERN, USER_NAME_RULE, withoutUser, withUser, writeUsersFile } from './users-file';

export const MIN_PASSWORD_LENGTH = 10;

export interface UserCliIo {
  /** The new password: asked twice without echo on a terminal, else the first line of standard input. */
  readPassword(name: string): Promise<string>;
  print(line: string): void;
  /** TRIBUTARY_USERS_FILE, when set. */
  readonly defaultFile?: string;
  /** Cheaper hashing in tests; the production cost otherwise. */
  readonly scrypt?: ScryptParams;
}

export const USER_CLI_USAGE = [
  'Usage: npm run user -- <command> [--file PATH]',
  '  add NAME --role viewer|operator|admin   add a user, or give one a new password and role',
  '  remove NAME                             remove a user; their sessions end at their next request',
  '  list                                    names and roles',
  'The users file is --file, else TRIBUTARY_USERS_FILE, else .tributary/users.json.',
  'The password is asked for without echo, or read from standard input: echo "$PASSWORD" | npm run user -- add ana --role admin',
].join('\n');

export class UserCliError extends Error {
  override name = 'UserCliError';
}

/** Runs one command; throws UserCliError with a message for the person at the terminal. */
export async function runUserCommand(argv: readonly string[], io: UserCliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { role: { type: 'string' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UserCliError(`${(error as Error).message}\n${USER_CLI_USAGE}`);
  }
  const { positionals, values } = parsed;
  const [command, name, ...extra] = positionals;
  if (values.help || !command) {
    io.print(USER_CLI_USAGE);
    return;
  }
  const file = values.file ?? io.defaultFile ?? '.tributary/users.json';
  if (extra.length > 0) throw new UserCliError(`Unexpected ${extra.map((e) => `"${e}"`).join(' ')}.\n${USER_CLI_USAGE}`);

  if (command === 'list') {
    const users = readUsersFile(file);
    if (users.length === 0) io.print(`No users in ${file}.`);
    for (const user of users) io.print(`${user.name}\t${user.role}`);
    return;
  }
  if (command !== 'add' && command !== 'remove') throw new UserCliError(`Unknown command "${command}".\n${USER_CLI_USAGE}`);
  if (!name) throw new UserCliError(`${command} needs a user name: npm run user -- ${command} NAME${command === 'add' ? ' --role ROLE' : ''}`);
  if (!USER_NAME_PATTERN.test(name)) throw new UserCliError(`"${name}" is not a user name: ${USER_NAME_RULE}.`);
  const users = readUsersFile(file);

  if (command === 'remove') {
    if (values.role !== undefined) throw new UserCliError('remove takes no --role.');
    if (!users.some((u) => u.name === name)) throw new UserCliError(`There is no user "${name}" in ${file}.`);
    writeUsersFile(file, withoutUser(users, name));
    io.print(`Removed ${name} from ${file}; their sessions end at their next request.`);
    return;
  }

  const role = values.role;
  if (!role) throw new UserCliError(`add needs --role ${ROLES.join('|')}.`);
  if (!(ROLES as readonly string[]).includes(role)) throw new UserCliError(`--role must be one of ${ROLES.join(', ')}; got "${role}".`);
  const password = await io.readPassword(name);
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserCliError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  const existed = users.some((u) => u.name === name);
  const hash = await hashPassword(password, io.scrypt);
  writeUsersFile(file, withUser(users, { name, role: role as Role, password: hash }));
  io.print(existed ? `Updated ${name} (${role}) in ${file}; their earlier sessions have ended.` : `Added ${name} (${role}) to ${file}.`);
}
