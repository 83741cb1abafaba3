// The typed client of the control API, for tests and other devstack code:
//   const kafka = await readKafkaState('.devstack/kafka.json');
//   await new KafkaControl(kafka.controlUrl).brokerDown(1);
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  brokerSchema,
  brokersResponseSchema,
  errorBodySchema,
  kafkaStateSchema,
  topicSchema,
  topicsResponseSchema,
  KAFKA_API_KEYS,
  type Broker,
  type KafkaState,
  type Topic,
} from './control-api';

const CONTROL_TIMEOUT_MS = 10_000;
const STATE_POLL_MS = 100;

export type KafkaApiName = keyof typeof KAFKA_API_KEYS;

/** A refusal from the control API, with its HTTP status and error code. */
export class KafkaControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KafkaControlError';
  }
}

const errorsResponseSchema = z.object({ apiKey: z.number(), codes: z.array(z.number()) });
const leaderResponseSchema = z.object({ topic: z.string(), partition: z.number(), leader: z.number() });

export class KafkaControl {
  constructor(readonly controlUrl: string) {}

  async topics(): Promise<Topic[]> {
    return (await this.call('GET', '/topics', topicsResponseSchema)).topics;
  }

  createTopic(name: string, partitions: number): Promise<Topic> {
    return this.call('POST', '/topics', topicSchema, { name, partitions });
  }

  async brokers(): Promise<Broker[]> {
    return (await this.call('GET', '/brokers', brokersResponseSchema)).brokers;
  }

  brokerDown(id: number): Promise<Broker> {
    return this.call('POST', `/brokers/${id}/down`, brokerSchema);
  }

  brokerUp(id: number): Promise<Broker> {
    return this.call('POST', `/brokers/${id}/up`, brokerSchema);
  }

  /** Delays every response of the broker by ms; 0 restores it. */
  brokerRtt(id: number, ms: number): Promise<Broker> {
    return this.call('POST', `/brokers/${id}/rtt`, brokerSchema, { ms });
  }

  /** The next requests of this API, to any broker, fail with these Kafka error codes in order. */
  pushRequestErrors(apiKey: KafkaApiName | number, codes: number[]) {
    return this.call('POST', '/errors', errorsResponseSchema, { apiKey, codes });
  }

  clearRequestErrors(apiKey: KafkaApiName | number) {
    return this.call('DELETE', `/errors/${encodeURIComponent(String(apiKey))}`, errorsResponseSchema);
  }

  setPartitionLeader(topic: string, partition: number, broker: number) {
    return this.call('POST', `/topics/${encodeURIComponent(topic)}/partitions/${partition}/leader`, leaderResponseSchema, { broker });
  }

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.controlUrl), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
      throw new KafkaControlError(response.status, parsed.success ? parsed.data.error.code : 'http_error', `${method} ${path}: ${message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`${method} ${path}: unexpected response: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
}

/** Reads the state file of devstack/kafka/main.ts; says what is wrong with it if anything. */
export async function readKafkaState(file: string): Promise<KafkaState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read Kafka state file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Kafka state file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = kafkaStateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Kafka state file ${file} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Waits for main.ts to write its state file, i.e. for the cluster to be ready. */
export async function waitForKafkaState(file: string, timeoutMs = 15_000): Promise<KafkaState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await readKafkaState(file);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no Kafka state after ${timeoutMs} ms: ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, STATE_POLL_MS));
  }
}
