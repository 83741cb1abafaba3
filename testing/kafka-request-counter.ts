// A TCP proxy in front of one Kafka broker that counts the requests passing through it, by API
// (Kafka's framing: an int32 size, then the request header's int16 api_key, int16 api_version and
// int32 correlation_id). A broker's Metadata answer names the address clients should connect to
// for each broker, so the proxy writes its own port over the broker's advertised one there: every
// later connection comes back through it, and every request is counted.
// https://kafka.apache.org/protocol#protocol_common
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Kafka's API keys that Tributary's client sends, named as the protocol guide names them. */
export const KAFKA_API_NAMES: Readonly<Record<number, string>> = {
  0: 'Produce',
  1: 'Fetch',
  2: 'ListOffsets',
  3: 'Metadata',
  8: 'OffsetCommit',
  9: 'OffsetFetch',
  10: 'FindCoordinator',
  15: 'DescribeGroups',
  16: 'ListGroups',
  17: 'SaslHandshake',
  18: 'ApiVersions',
  19: 'CreateTopics',
  32: 'DescribeConfigs',
  36: 'SaslAuthenticate',
  60: 'DescribeCluster',
};

/** Answers that carry broker addresses a client connects to next. */
const ADDRESS_APIS = new Set([3, 10, 60]);
const SIZE_BYTES = 4;

export interface KafkaRequestCounter {
  readonly port: number;
  /** `127.0.0.1:port`, for KAFKA_BROKERS. */
  readonly bootstrapServers: string;
  /** Requests seen since the start or the last reset, by API name. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

export function apiName(apiKey: number): string {
  return KAFKA_API_NAMES[apiKey] ?? `api ${apiKey}`;
}

/** Splits a byte stream into Kafka frames (size prefix included), keeping an incomplete tail for the next chunk. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Buffer[] = [];
    while (this.pending.length >= SIZE_BYTES) {
      const end = SIZE_BYTES + this.pending.readInt32BE(0);
      if (this.pending.length < end) break;
      frames.push(this.pending.subarray(0, end));
      this.pending = this.pending.subarray(end);
    }
    return frames;
  }
}

/**
 * Writes `to` over the int32 port that follows each occurrence of `host` advertised with port
 * `from`. Only the port changes, so the frame keeps its size whatever the answer's version.
 */
export function rewriteAdvertisedPort(frame: Buffer, host: string, from: number, to: number): Buffer {
  const needle = Buffer.alloc(host.length + 4);
  needle.write(host, 0, 'latin1');
  needle.writeInt32BE(from, host.length);
  let at = frame.indexOf(needle);
  if (at < 0) return frame;
  const copy = Buffer.from(frame);
  while (at >= 0) {
    copy.writeInt32BE(to, at + host.length);
    at = copy.indexOf(needle, at + needle.length);
  }
  return copy;
}

export async function startKafkaRequestCounter(options: {
  /** The broker's listener to forward to. */
  readonly target: { readonly host: string; readonly port: number };
  /** The address that listener advertises in Metadata; the target's own by default. */
  readonly advertised?: { readonly host: string; readonly port: number };
}): Promise<KafkaRequestCounter> {
  const advertised = options.advertised ?? options.target;
  const counts = new Map<number, number>();
  const open = new Set<Socket>();
  let port = 0;

  const server: Server = createServer((client) => {
    const upstream = connect(options.target);
    open.add(client).add(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);

    // Answers name only the correlation id, so each request's API is kept until its answer.
    const apiOf = new Map<number, number>();
    const requests = new FrameReader();
    client.on('data', (chunk: Buffer) => {
      for (const frame of requests.push(chunk)) {
        const apiKey = frame.readInt16BE(4);
        counts.set(apiKey, (counts.get(apiKey) ?? 0) + 1);
        if (ADDRESS_APIS.has(apiKey)) apiOf.set(frame.readInt32BE(8), apiKey);
      }
      upstream.write(chunk);
    });
    const answers = new FrameReader();
    upstream.on('data', (chunk: Buffer) => {
      for (const frame of answers.push(chunk)) {
        const correlationId = frame.readInt32BE(4);
        const carriesAddresses = apiOf.delete(correlationId);
        client.write(carriesAddresses ? rewriteAdvertisedPort(frame, advertised.host, advertised.port, port) : frame);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;

  return {
    port,
    bootstrapServers: `127.0.0.1:${port}`,
    counts: () => Object.fromEntries([...counts].sort(([a], [b]) => a - b).map(([key, count]) => [apiName(key), count])),
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    reset: () => counts.clear(),
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
