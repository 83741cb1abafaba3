// POST /druid/indexer/v1/sampler for Kafka specs: reads up to samplerConfig.numRows records
// from the start of the topic and shows each as input and as the row Druid would store.
import { createRowParser, describeColumns, type IngestRow } from '@/lib/ingest';
import type { EngineResponse } from './contract';
import { json } from './http';
import { TopicReader } from './kafka/topic-reader';
import { SpecRejected, readSupervisorSpec } from './ingest/spec';

const DEFAULT_NUM_ROWS = 200;
const DEFAULT_TIMEOUT_MS = 10_000;
const SAMPLER_FETCH_WAIT_MS = 100;

type Obj = Record<string, unknown>;

/** The sampler's own error body (SamplerExceptionMapper): `{"error": message}` with 400. */
const samplerError = (message: string) => json(400, { error: message });

export async function runSampler(body: unknown): Promise<EngineResponse> {
  const request = (body ?? {}) as Obj;
  const samplerConfig = (request.samplerConfig ?? {}) as Obj;
  const numRows = Math.max(1, Math.min(Number(samplerConfig.numRows ?? DEFAULT_NUM_ROWS), 5000));
  const timeoutMs = Number(samplerConfig.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let spec;
  try {
    spec = readSupervisorSpec({ type: request.type, spec: request.spec });
  } catch (error) {
    if (error instanceof SpecRejected) return samplerError(error.message);
    return samplerError((error as Error).message);
  }
  const parse = createRowParser(spec.ingest);
  const reader = new TopicReader(spec.bootstrapServers, spec.topic);
  const data: Obj[] = [];
  const dimensions = new Map<string, string>();
  let numRowsRead = 0;
  let numRowsIndexed = 0;
  const deadline = Date.now() + timeoutMs;
  try {
    await reader.connect();
    const offsets = await reader.offsets();
    const positions = new Map(offsets.map(({ partition, earliest, latest }) => [partition, spec.useEarliestOffset ? earliest : latest]));
    const ends = new Map(offsets.map(({ partition, latest }) => [partition, latest]));
    while (numRowsRead < numRows && Date.now() < deadline && [...positions].some(([partition, offset]) => offset < ends.get(partition)!)) {
      const fetched = await reader.fetch(new Map([...positions].filter(([partition, offset]) => offset < ends.get(partition)!)), SAMPLER_FETCH_WAIT_MS);
      for (const { partition, messages } of fetched) {
        for (const message of messages) {
          if (numRowsRead >= numRows) break;
          positions.set(partition, BigInt(message.offset) + 1n);
          numRowsRead += 1;
          const result = parse({ value: message.value, key: message.key, timestamp: Number(message.timestamp), topic: spec.topic, partition, offset: message.offset, headers: message.headers });
          const input = result.input ?? { raw: message.value?.toString('utf8') ?? null };
          if (result.kind === 'row') {
            numRowsIndexed += 1;
            data.push({ input, parsed: result.row });
            for (const column of describeColumns(spec.ingest, result.row as IngestRow)) if (column.role === 'dimension' && !dimensions.has(column.name)) dimensions.set(column.name, column.type);
          } else if (result.kind === 'unparseable') {
            data.push({ input, unparseable: true, error: result.reason });
          }
        }
      }
    }
  } catch (error) {
    return samplerError(`Failed to sample topic [${spec.topic}]: ${(error as Error).message}`);
  } finally {
    await reader.close();
  }
  const logicalDimensions = [...dimensions].map(([name, type]) => ({ type: dimensionType(type), name, multiValueHandling: 'SORTED_ARRAY', createBitmapIndex: type === 'STRING' }));
  return json(200, {
    numRowsRead,
    numRowsIndexed,
    logicalDimensions,
    physicalDimensions: logicalDimensions,
    logicalSegmentSchema: [{ name: '__time', type: 'LONG' }, ...[...dimensions].map(([name, type]) => ({ name, type })), ...(spec.ingest.metricsSpec ?? []).map((metric) => ({ name: metric.name, type: metric.type }))],
    data,
  });
}

function dimensionType(columnType: string): string {
  return { STRING: 'string', LONG: 'long', FLOAT: 'float', DOUBLE: 'double' }[columnType] ?? 'json';
}
