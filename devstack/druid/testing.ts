// Helpers for the engine's in-process tests: a spec builder, a producer of sample messages,
// HTTP calls and polling.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, type Message } from 'kafkajs';

const SAMPLES = path.resolve(__dirname, '../../testdata/samples');

/** A sample's record values, byte for byte (see testdata/samples/README.md). */
export function sampleValues(name: string): string[] {
  return readFileSync(path.join(SAMPLES, name, 'messages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('"') ? (JSON.parse(line) as string) : line));
}

export async function produce(bootstrapServers: string, topic: string, messages: Message[]): Promise<void> {
  const producer = new Kafka({ brokers: bootstrapServers.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

export interface SpecOptions {
  readonly dataSource: string;
  readonly topic: string;
  readonly bootstrapServers: string;
  readonly inputFormat?: Record<string, unknown>;
  readonly timestampSpec: Record<string, unknown>;
  readonly dimensionsSpec?: Record<string, unknown>;
  readonly metricsSpec?: Record<string, unknown>[];
  readonly granularitySpec?: Record<string, unknown>;
  readonly transformSpec?: Record<string, unknown>;
  readonly ioConfig?: Record<string, unknown>;
}

export function kafkaSpec(options: SpecOptions): Record<string, unknown> {
  return {
    type: 'kafka',
    spec: {
      dataSchema: {
        dataSource: options.dataSource,
        timestampSpec: options.timestampSpec,
        dimensionsSpec: options.dimensionsSpec ?? { dimensions: [] },
        metricsSpec: options.metricsSpec ?? [],
        granularitySpec: options.granularitySpec ?? { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
        ...(options.transformSpec ? { transformSpec: options.transformSpec } : {}),
      },
      ioConfig: {
        type: 'kafka',
        topic: options.topic,
        consumerProperties: { 'bootstrap.servers': options.bootstrapServers },
        inputFormat: options.inputFormat ?? { type: 'json' },
        useEarliestOffset: true,
        ...options.ioConfig,
      },
      tuningConfig: { type: 'kafka' },
    },
  };
}

export async function call(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text bodies (task logs, leader) stay as text.
  }
  return { status: response.status, body: parsed, text };
}

/** Polls until `check` returns a value that is not undefined/false, or fails after timeoutMs. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
