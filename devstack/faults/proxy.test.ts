import { createServer, connect, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './proxy';

// An echo server stands in for a broker: what goes through the proxy comes back through it.
let echo: Server;
let proxy: FaultProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.on('error', () => undefined).pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: (echo.address() as { port: number }).port } });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

function roundTrip(message: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ host: '127.0.0.1', port: proxy.port }, () => socket.write(message));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.length >= message.length) {
        socket.end();
        resolve({ answer, ms: Date.now() - started });
      }
    });
    socket.on('error', reject);
  });
}

describe('fault proxy', () => {
  it('forwards untouched without a fault', async () => {
    expect((await roundTrip('hello')).answer).toBe('hello');
  });

  it('adds latency each way and keeps the bytes in order', async () => {
    proxy.setFault({ kind: 'latency', ms: 150 });
    try {
      const { answer, ms } = await roundTrip('ordered bytes');
      expect(answer).toBe('ordered bytes');
      expect(ms).toBeGreaterThanOrEqual(300);
    } finally {
      proxy.setFault(null);
    }
  });

  it('refuses new connections and resets open ones', async () => {
    proxy.setFault({ kind: 'refuse' });
    try {
      await expect(roundTrip('x')).rejects.toThrow(/ECONNRESET|socket hang up/);
    } finally {
      proxy.setFault(null);
    }
    expect((await roundTrip('back')).answer).toBe('back');
  });

  it('hangs: bytes go in and nothing comes back', async () => {
    proxy.setFault({ kind: 'hang' });
    try {
      const outcome = await Promise.race([roundTrip('anyone?').then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('silence'), 400))]);
      expect(outcome).toBe('silence');
    } finally {
      proxy.setFault(null);
    }
  });
});
