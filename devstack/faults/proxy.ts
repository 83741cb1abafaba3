// A TCP proxy that tests put in front of Kafka or Druid to make the network misbehave: added
// latency, refused connections, connections reset mid-stream, a hang, a bandwidth limit. Without
// a fault it forwards bytes untouched.
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'refuse' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'bandwidth'; readonly bytesPerSecond: number };

export interface FaultProxy {
  readonly port: number;
  readonly fault: Fault | null;
  /** Applies to new connections and to every open one (a reset or refuse closes them). */
  setFault(fault: Fault | null): void;
  close(): Promise<void>;
}

export async function startFaultProxy(options: { target: { host: string; port: number }; port?: number }): Promise<FaultProxy> {
  let fault: Fault | null = null;
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (fault?.kind === 'refuse' || fault?.kind === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(options.target);
    open.add(client);
    open.add(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
    pipe(client, upstream, () => fault);
    pipe(upstream, client, () => fault);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;

  return {
    port,
    get fault() {
      return fault;
    },
    setFault(next) {
      fault = next;
      if (next?.kind === 'refuse' || next?.kind === 'reset') {
        for (const socket of open) socket.resetAndDestroy();
        open.clear();
      }
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Forwards chunks in order. Latency delivers each chunk `ms` after it arrived; a bandwidth limit
 * spaces chunks by their size; both keep the order the bytes came in.
 */
function pipe(from: Socket, to: Socket, currentFault: () => Fault | null): void {
  let lastDeliveryMs = 0;
  from.on('data', (chunk: Buffer) => {
    const fault = currentFault();
    if (fault?.kind === 'hang') return; // swallowed: the peer waits for an answer that never comes
    const now = Date.now();
    const deliveryMs =
      fault?.kind === 'latency' ? Math.max(lastDeliveryMs, now + fault.ms)
      : fault?.kind === 'bandwidth' ? Math.max(lastDeliveryMs, now) + (chunk.length / fault.bytesPerSecond) * 1000
      : Math.max(lastDeliveryMs, now);
    lastDeliveryMs = deliveryMs;
    const write = () => {
      if (!to.destroyed) to.write(chunk);
    };
    if (deliveryMs <= now) write();
    else setTimeout(write, deliveryMs - now);
  });
  from.on('end', () => setTimeout(() => to.end(), Math.max(0, lastDeliveryMs - Date.now())));
}
