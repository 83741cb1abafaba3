import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from './passwords';
import { readUsersFile, sessionSecretBeside, UsersDirectory, UsersFileError, withoutUser, withUser, writeUsersFile } from './users-file';

let dir: string;
let file: string;
let hash: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-users-'));
  file = path.join(dir, 'nested', 'users.json');
  hash ??= await hashPassword('a long password', { N: 1024, r: 8, p: 1 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the users file', () => {
  it('is written readable by its owner only and read back', () => {
    writeUsersFile(file, [{ name: 'ana', role: 'admin', password: hash }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readUsersFile(file)).toEqual([{ name: 'ana', role: 'admin', password: hash }]);
  });

  it('holds no users before it exists', () => {
    expect(readUsersFile(file)).toEqual([]);
  });

  it('adds, replaces and removes users by name', () => {
    let users = withUser([], { name: 'ana', role: 'viewer', password: hash });
    users = withUser(users, { name: 'bo', role: 'operator', password: hash });
    users = withUser(users, { name: 'ana', role: 'admin', password: hash });
    expect(users.map((u) => `${u.name}:${u.role}`)).toEqual(['ana:admin', 'bo:operator']);
    expect(withoutUser(users, 'ana').map((u) => u.name)).toEqual(['bo']);
  });

  it('names what is wrong with a damaged file, and refuses a plain password in it', () => {
    writeFileSync(file.replace('nested/', ''), '{"users": [');
    expect(() => readUsersFile(file.replace('nested/', ''))).toThrow(/users\.json is not valid JSON/);
    const plain = path.join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify({ users: [{ name: 'ana', role: 'admin', password: 'hunter2' }] }));
    expect(() => readUsersFile(plain)).toThrow(UsersFileError);
    expect(() => readUsersFile(plain)).toThrow(/at users\.0\.password: must be a scrypt hash/);
    const badRole = path.join(dir, 'role.json');
    writeFileSync(badRole, JSON.stringify({ users: [{ name: 'ana', role: 'root', password: hash }] }));
    expect(() => readUsersFile(badRole)).toThrow(/at users\.0\.role: must be one of viewer, operator, admin/);
    const twice = path.join(dir, 'twice.json');
    writeFileSync(twice, JSON.stringify({ users: [{ name: 'ana', role: 'admin', password: hash }, { name: 'ana', role: 'viewer', password: hash }] }));
    expect(() => readUsersFile(twice)).toThrow(/names the user "ana" twice/);
  });

  it('is re-read by the server when it changes, without a restart', () => {
    const directory = new UsersDirectory(file);
    expect(directory.find('ana')).toBeUndefined();
    writeUsersFile(file, [{ name: 'ana', role: 'operator', password: hash }]);
    expect(directory.find('ana')?.role).toBe('operator');
    writeUsersFile(file, [{ name: 'ana', role: 'admin', password: hash }]);
    // Same size as before: the file's identity (a new inode from the atomic replace) still shows the change.
    utimesSync(file, new Date(0), new Date(0));
    expect(directory.find('ana')?.role).toBe('admin');
    writeUsersFile(file, []);
    expect(directory.find('ana')).toBeUndefined();
    expect(directory.count()).toBe(0);
  });
});

describe('the session secret beside the users file', () => {
  it('is generated once, kept private and reused', () => {
    const first = sessionSecretBeside(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const secretFile = path.join(path.dirname(file), 'session.secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(sessionSecretBeside(file)).toBe(first);
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(first);
  });
});
