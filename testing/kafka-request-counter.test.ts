import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameReader, rewriteAdvertisedPort, startKafkaRequestCounter, type KafkaRequestCounter } from './kafka-request-counter';

const HOST = '127.0.0.1';
const BROKER_PORT = 9092;

/** A request frame: size, api_key, api_version, correlation_id, then a client id and a body. */
function request(apiKey: number, correlationId: number, body = Buffer.alloc(0)): Buffer {
  const clientId = Buffer.from('\x00\x05bench', 'latin1');
  const header = Buffer.alloc(8);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(0, 2);
  header.writeInt32BE(correlationId, 4);
  return sized(Buffer.concat([header, clientId, body]));
}

/** An answer naming one broker at HOST:BROKER_PORT, as Metadata's brokers array does. */
function answerNamingBroker(correlationId: number): Buffer {
  const id = Buffer.alloc(4);
  id.writeInt32BE(correlationId);
  const host = Buffer.alloc(2 + HOST.length + 4);
  host.writeInt16BE(HOST.length);
  host.write(HOST, 2, 'latin1');
  host.writeInt32BE(BROKER_PORT, 2 + HOST.length);
  return sized(Buffer.concat([id, host]));
}

function sized(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}

const portIn = (frame: Buffer) => frame.readInt32BE(frame.length - 4);

describe('FrameReader', () => {
  it('gives whole frames however the bytes arrive', () => {
    const reader = new FrameReader();
    const stream = Buffer.concat([request(3, 1), request(1, 2), request(2, 3)]);
    const frames = [stream.subarray(0, 3), stream.subarray(3, 20), stream.subarray(20)].flatMap((chunk) => reader.push(chunk));
    expect(frames.map((frame) => [frame.readInt16BE(4), frame.readInt32BE(8)])).toEqual([
      [3, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('rewriteAdvertisedPort', () => {
  it('changes only the port that follows the advertised host', () => {
    const frame = answerNamingBroker(7);
    const rewritten = rewriteAdvertisedPort(frame, HOST, BROKER_PORT, 40_001);
    expect(portIn(rewritten)).toBe(40_001);
    expect(rewritten.length).toBe(frame.length);
    expect(portIn(frame)).toBe(BROKER_PORT);
    expect(rewriteAdvertisedPort(frame, HOST, 9093, 40_001)).toBe(frame);
  });
});

describe('startKafkaRequestCounter', () => {
  let broker: Server | undefined;
  let counter: KafkaRequestCounter | undefined;
  let client: Socket | undefined;

  afterEach(async () => {
    client?.destroy();
    await counter?.close();
    await new Promise((resolve) => (broker ? broker.close(resolve) : resolve(undefined)));
  });

  it('counts requests by API and sends clients back through itself from Metadata answers only', async () => {
    // A broker that answers every request with its own address.
    broker = createServer((socket) => {
      const reader = new FrameReader();
      socket.on('data', (chunk: Buffer) => {
        for (const frame of reader.push(chunk)) socket.write(answerNamingBroker(frame.readInt32BE(8)));
      });
    });
    await new Promise<void>((resolve) => broker!.listen(0, HOST, resolve));
    const brokerPort = (broker.address() as { port: number }).port;
    counter = await startKafkaRequestCounter({ target: { host: HOST, port: brokerPort }, advertised: { host: HOST, port: BROKER_PORT } });

    client = connect({ host: HOST, port: counter.port });
    const reader = new FrameReader();
    const answers: Buffer[] = [];
    const received = new Promise<void>((resolve) =>
      client!.on('data', (chunk: Buffer) => {
        answers.push(...reader.push(chunk));
        if (answers.length === 3) resolve();
      }),
    );
    const sent = Buffer.concat([request(18, 1), request(3, 2), request(2, 3)]);
    client.write(sent.subarray(0, 5));
    client.write(sent.subarray(5));
    await received;

    expect(answers.map((answer) => [answer.readInt32BE(4), portIn(answer)])).toEqual([
      [1, BROKER_PORT],
      [2, counter.port],
      [3, BROKER_PORT],
    ]);
    expect(counter.counts()).toEqual({ ListOffsets: 1, Metadata: 1, ApiVersions: 1 });
    expect(counter.total()).toBe(3);
    counter.reset();
    expect(counter.total()).toBe(0);
  });
});
