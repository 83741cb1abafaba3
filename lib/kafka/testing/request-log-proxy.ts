// A logging TCP proxy for Kafka: every connection the client opens goes through a local proxy that
// forwards the bytes unchanged and records the API key of each request frame it sees.
// Proves at the protocol level what the app asks a broker (for example: never JoinGroup).
import net from 'node:net';
import type { ISocketFactory } from 'kafkajs';

export interface RequestLog {
  /** Kafka API keys of every request sent, in order. */
  readonly apiKeys: number[];
  readonly socketFactory: ISocketFactory;
  close(): Promise<void>;
}

/** Starts one proxy per broker address ("host:port,host:port"); connections to other addresses are refused. */
export async function startRequestLog(bootstrapServers: string): Promise<RequestLog> {
  const apiKeys: number[] = [];
  const proxies = new Map<string, net.Server>();
  const sockets = new Set<net.Socket>();
  for (const address of bootstrapServers.split(',')) {
    const [host, port] = address.split(':');
    const server = net.createServer((client) => {
      const upstream = net.connect({ host, port: Number(port) });
      sockets.add(client).add(upstream);
      let pending = Buffer.alloc(0);
      client.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        // Request frame: int32 size, then int16 api_key, int16 api_version, int32 correlation_id, ...
        while (pending.length >= 6 && pending.length >= 4 + pending.readInt32BE(0)) {
          apiKeys.push(pending.readInt16BE(4));
          pending = pending.subarray(4 + pending.readInt32BE(0));
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxies.set(address, server);
  }
  const socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const proxy = proxies.get(`${host}:${port}`);
    if (!proxy) throw new Error(`no proxy for ${host}:${port}`);
    const socket = net.connect({ host: '127.0.0.1', port: (proxy.address() as net.AddressInfo).port }, onConnect);
    return socket;
  };
  return {
    apiKeys,
    socketFactory,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([...proxies.values()].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
