// The users file of TRIBUTARY_AUTH=users: JSON with each user's name, role and password hash.
//   { "users": [ { "name": "ana", "role": "admin", "password": "scrypt$32768$8$3$…" } ] }
// Written by `npm run user` (0600, replaced atomically), read by the server on each request
// (re-parsed only when the file changes), so adding or removing a user needs no restart.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './identity';
import { isPasswordHash } from './passwords';

export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;
export const USER_NAME_RULE = 'a user name is 1 to 64 letters, digits and . _ @ + - (an e-mail address is fine), starting with a letter or digit';

export interface StoredUser {
  readonly name: string;
  readonly role: Role;
  /** scrypt hash (lib/http/passwords.ts), never the password. */
  readonly password: string;
}

const UsersFileSchema = z.object({
  users: z.array(
    z.object({
      name: z.string().regex(USER_NAME_PATTERN, USER_NAME_RULE),
      role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
      password: z.string().refine(isPasswordHash, 'must be a scrypt hash written by `npm run user -- add`, never a password'),
    }),
  ),
});

export class UsersFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`The users file ${file} ${problem}`);
    this.name = 'UsersFileError';
  }
}

/** The users in a file; none when it does not exist yet. Throws UsersFileError naming what is wrong and where. */
export function readUsersFile(file: string): readonly StoredUser[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsersFileError(file, `cannot be read: ${(error as Error).message}`);
  }
  return parseUsers(file, text);
}

export function parseUsers(file: string, text: string): readonly StoredUser[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsersFileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsersFileError(file, `is not a users file: at ${issue.path.join('.') || 'the top'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const user of parsed.data.users) {
    if (seen.has(user.name)) throw new UsersFileError(file, `names the user "${user.name}" twice`);
    seen.add(user.name);
  }
  return parsed.data.users;
}

/** Replaces the file in one step, readable by its owner only. */
export function writeUsersFile(file: string, users: readonly StoredUser[]): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  chmodSync(file, 0o600);
}

/** The users with this one added, or replacing the user of the same name. */
export function withUser(users: readonly StoredUser[], user: StoredUser): readonly StoredUser[] {
  const index = users.findIndex((u) => u.name === user.name);
  return index < 0 ? [...users, user] : users.map((u, i) => (i === index ? user : u));
}

export function withoutUser(users: readonly StoredUser[], name: string): readonly StoredUser[] {
  return users.filter((u) => u.name !== name);
}

/** Looks users up in a file, re-reading it only when its size, time or inode change. */
export class UsersDirectory {
  private seen?: { readonly stamp: string; readonly users: ReadonlyMap<string, StoredUser> };

  constructor(readonly file: string) {}

  find(name: string): StoredUser | undefined {
    return this.current().get(name);
  }

  /** How many users the file holds; 0 when it does not exist. */
  count(): number {
    return this.current().size;
  }

  private current(): ReadonlyMap<string, StoredUser> {
    let stamp = 'missing';
    try {
      const stat = statSync(this.file);
      stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsersFileError(this.file, `cannot be read: ${(error as Error).message}`);
    }
    if (this.seen?.stamp !== stamp) {
      const users = stamp === 'missing' ? [] : readUsersFile(this.file);
      this.seen = { stamp, users: new Map(users.map((u) => [u.name, u])) };
    }
    return this.seen.users;
  }
}

/**
 * The secret that signs session cookies when TRIBUTARY_SESSION_SECRET is not set: generated once
 * and kept beside the users file (0600), so sessions survive a restart and instances sharing the
 * file share it.
 */
export function sessionSecretBeside(usersFile: string): string {
  const file = path.join(path.dirname(path.resolve(usersFile)), 'session.secret');
  try {
    return readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another instance wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSecret(file);
}

function readSecret(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`The session secret in ${file} is shorter than 32 characters: delete the file to have a new one generated`);
  return secret;
}
