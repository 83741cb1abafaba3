import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from './passwords';
import { runUserCommand, UserCliError, type UserCliIo } from './user-cli';
import { readUsersFile } from './users-file';

let dir: string;
let file: string;
let printed: string[];

function io(password = 'a long password'): UserCliIo {
  return { readPassword: async () => password, print: (line) => printed.push(line), defaultFile: file, scrypt: { N: 1024, r: 8, p: 1 } };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-cli-'));
  file = path.join(dir, 'users.json');
  printed = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run user', () => {
  it('adds a user with a role and a hash of the password read from the terminal or standard input', async () => {
    await runUserCommand(['add', 'ana', '--role', 'operator'], io('ana password 1'));
    const [ana] = readUsersFile(file);
    expect(ana).toMatchObject({ name: 'ana', role: 'operator' });
    expect(readFileSync(file, 'utf8')).not.toContain('ana password 1');
    expect(await verifyPassword('ana password 1', ana.password)).toBe(true);
    expect(printed).toEqual([`Added ana (operator) to ${file}.`]);
  });

  it('gives an existing user a new password and role', async () => {
    await runUserCommand(['add', 'ana', '--role', 'viewer'], io('first password'));
    await runUserCommand(['add', 'ana', '--role', 'admin'], io('second password'));
    const users = readUsersFile(file);
    expect(users).toHaveLength(1);
    expect(users[0].role).toBe('admin');
    expect(await verifyPassword('second password', users[0].password)).toBe(true);
    expect(printed.at(-1)).toContain('Updated ana (admin)');
  });

  it('lists and removes users', async () => {
    await runUserCommand(['add', 'ana', '--role', 'admin'], io());
    await runUserCommand(['add', 'bo@example.com', '--role', 'viewer'], io());
    printed = [];
    await runUserCommand(['list'], io());
    expect(printed).toEqual(['ana\tadmin', 'bo@example.com\tviewer']);
    await runUserCommand(['remove', 'ana'], io());
    expect(readUsersFile(file).map((u) => u.name)).toEqual(['bo@example.com']);
  });

  it('uses --file over TRIBUTARY_USERS_FILE', async () => {
    const other = path.join(dir, 'other.json');
    await runUserCommand(['add', 'ana', '--role', 'admin', '--file', other], io());
    expect(readUsersFile(other)).toHaveLength(1);
    expect(readUsersFile(file)).toHaveLength(0);
  });

  it('says what is wrong with a command and changes nothing', async () => {
    const refused = async (argv: string[], message: RegExp | string, password?: string) => {
      await expect(runUserCommand(argv, io(password))).rejects.toThrow(UserCliError);
      await expect(runUserCommand(argv, io(password))).rejects.toThrow(message);
    };
    await refused(['add', 'ana'], 'add needs --role viewer|operator|admin');
    await refused(['add', 'ana', '--role', 'root'], '--role must be one of viewer, operator, admin; got "root"');
    await refused(['add', 'ana', '--role', 'admin'], 'at least 10 characters', 'short');
    await refused(['add', 'not a name', '--role', 'admin'], 'is not a user name');
    await refused(['add'], 'add needs a user name');
    await refused(['remove', 'ghost'], 'There is no user "ghost"');
    await refused(['rename', 'ana'], 'Unknown command "rename"');
    await refused(['add', 'ana', '--colour', 'red'], 'Unknown option');
    expect(readUsersFile(file)).toEqual([]);
  });
});
