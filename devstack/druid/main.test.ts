// The engine as a process: state file once listening, clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './testing';

const dir = mkdtempSync(path.join(tmpdir(), 'druid-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('main.ts', () => {
  it('writes { url, pid } once listening and stops cleanly on SIGTERM', async () => {
    const state = path.join(dir, 'druid.json');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'main.ts'), '--port', '0', '--data', path.join(dir, 'druid.duckdb'), '--state', state], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const written = await waitFor('the state file', () => existsSync(state) && (JSON.parse(readFileSync(state, 'utf8')) as { url: string; pid: number }), 20_000);
      expect(written.pid).toBe(child.pid);
      const response = await fetch(`${written.url}/status/health`);
      expect(await response.json()).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(state)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('stops by itself when the process that started it goes away', async () => {
    const state = path.join(dir, 'orphan.json');
    // Started the way the stack starts it: through tsx's CLI, which stays between the two.
    const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
    const command = `"${tsx}" "${path.join(__dirname, 'main.ts')}" --port 0 --data :memory: --state "${state}" & wait`;
    const parent = spawn('bash', ['-c', command], { stdio: 'ignore' });
    const written = await waitFor('the state file', () => existsSync(state) && (JSON.parse(readFileSync(state, 'utf8')) as { pid: number }), 20_000);
    const alive = () => {
      try {
        process.kill(written.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      const parentExited = new Promise((resolve) => parent.on('exit', resolve));
      parent.kill('SIGKILL');
      await parentExited;
      await waitFor('the engine to exit after its parent', () => !alive() || undefined, 10_000);
      expect(existsSync(state)).toBe(false);
    } finally {
      if (alive()) process.kill(written.pid, 'SIGKILL');
    }
  });
});
