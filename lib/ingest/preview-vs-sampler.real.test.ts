// The ingest preview agrees with Druid: for every demo topic, its first messages copied to a
// single-partition topic, the spec the wizard builds from inference on them, and the rows the
// preview (lib/ingest) and Druid's own sampler ("Check with Druid") make of the same messages.
// A topic of hand-written messages adds what the demo topics rarely send: JSON numbers written as
// doubles in string dimensions, quoted empty CSV fields, and CSV messages of several lines.
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from 'kafkajs';
/* eslint-disable no-restricted-imports -- the spec is the one the wizard builds and the comparison the one its review step shows: both live with the wizard */
import { DRAFT_VERSION, type LoadDraft } from '@/components/load/draft/draft';
import { compareRows, differingCells } from '@/components/load/review/compare-rows';
import { generateSpec } from '@/components/load/review/review-model';
import type { CheckResponse } from '@/components/load/review/schemas';
/* eslint-enable no-restricted-imports */
import { testStack } from '@/testing/real-stack';
import { appJson, createTopicWith, deleteTopics, sampleThroughApp } from '@/testing/app';
import { STREAM_TOPICS } from '@/devstack/streams/catalogue';
import type { LoadPlan as SchemaPlan } from '@/lib/infer/model';
import { previewPlan } from '@/lib/infer/preview';
import { toInferInput } from '@/lib/infer/request';
import { createRecordParser, rollupRows, stringifyJson, type IngestRow, type IngestSpec, type KafkaRecordInput } from '@/lib/ingest';
import type { SampleRecord } from '@/lib/kafka/schemas';
import type { SupervisorSpec } from '@/lib/spec';

const MESSAGES = 60;
/** Rows per difference list in a failure message. */
const SHOWN_DIFFERENCES = 12;
const suffix = Date.now().toString(36);
const copies: string[] = [];

afterAll(async () => {
  if (copies.length > 0) await deleteTopics(...copies);
});

type DruidAnswer = Extract<CheckResponse, { available: true }>;

function bytes(text: string | null, encoding: 'utf8' | 'base64'): Buffer | null {
  return text === null ? null : Buffer.from(text, encoding);
}

/** The message as it was written: key, value, headers and record time kept. */
function asMessage(record: SampleRecord): Message {
  if (record.valueTruncated) throw new Error(`record ${record.partition}/${record.offset} was cut for display; it cannot be copied exactly`);
  return {
    partition: 0,
    key: bytes(record.key, record.keyEncoding),
    value: bytes(record.value, record.valueEncoding),
    headers: Object.fromEntries(record.headers.map((header) => [header.key, bytes(header.value, header.encoding) ?? undefined])),
    timestamp: String(record.timestamp),
  };
}

/** The record as lib/ingest reads it from Kafka. */
function asIngestInput(record: SampleRecord, topic: string): KafkaRecordInput {
  const headers: Record<string, Uint8Array> = {};
  for (const header of record.headers) if (header.value !== null) headers[header.key] = Buffer.from(header.value, header.encoding);
  return {
    value: bytes(record.value, record.valueEncoding),
    key: bytes(record.key, record.keyEncoding),
    timestamp: record.timestamp ?? 0,
    headers,
    topic,
    partition: record.partition ?? 0,
    offset: record.offset ?? undefined,
  };
}

function ingestSpecOf(spec: SupervisorSpec): IngestSpec {
  const { dataSchema, ioConfig } = spec.spec as unknown as { dataSchema: Record<string, unknown>; ioConfig: Record<string, unknown> };
  return {
    inputFormat: ioConfig.inputFormat as IngestSpec['inputFormat'],
    timestampSpec: dataSchema.timestampSpec as IngestSpec['timestampSpec'],
    dimensionsSpec: dataSchema.dimensionsSpec as IngestSpec['dimensionsSpec'],
    metricsSpec: dataSchema.metricsSpec as IngestSpec['metricsSpec'],
    transformSpec: dataSchema.transformSpec as IngestSpec['transformSpec'],
    granularitySpec: dataSchema.granularitySpec as IngestSpec['granularitySpec'],
  };
}

interface PreviewOutcome {
  /** Rows read: one per line for line-read formats, as Druid's numRowsRead counts them. */
  readonly read: number;
  readonly rows: Record<string, unknown>[];
  readonly unparseable: number;
}

/** The preview's rows for the records, as Druid's sampler lists them: rolled up when the spec rolls up. */
function previewRows(records: readonly SampleRecord[], topic: string, spec: SupervisorSpec): PreviewOutcome {
  const ingest = ingestSpecOf(spec);
  const parse = createRecordParser(ingest);
  const rows: IngestRow[] = [];
  let read = 0;
  let unparseable = 0;
  for (const record of records) {
    for (const result of parse(asIngestInput(record, topic))) {
      read++;
      if (result.kind === 'row') rows.push(result.row);
      else if (result.kind === 'unparseable') unparseable++;
    }
  }
  const stored = ingest.granularitySpec?.rollup ? rollupRows(rows, ingest.metricsSpec ?? [], ingest.granularitySpec.queryGranularity) : rows;
  // Through JSON, as Druid's answer reaches the test: 64-bit longs become numbers on both sides.
  return { read, rows: JSON.parse(stringifyJson(stored)) as Record<string, unknown>[], unparseable };
}

function draftFor(topic: string): LoadDraft {
  const now = Date.now();
  return { version: DRAFT_VERSION, id: `topic:${topic}`, name: topic, source: { kind: 'kafka', topic }, createdAt: now, updatedAt: now, io: { useEarliestOffset: true } };
}

/** Druid's sampler on the spec; `numRows` is the rows the topic holds, so that it stops as soon as it has read them. */
async function checkWithDruid(spec: SupervisorSpec | Record<string, unknown>, numRows: number): Promise<DruidAnswer> {
  const check = await appJson<CheckResponse>('/api/load/check', { body: { spec, numRows } });
  expect(check.status, JSON.stringify(check.body)).toBe(200);
  if (!check.body.available) throw new Error(`Druid's sampler is not available: ${check.body.reason}`);
  return check.body;
}

/** Copies the messages into a fresh single-partition topic and reads them back through the app. */
async function copyTopic(name: string, messages: readonly Message[]): Promise<SampleRecord[]> {
  copies.push(name);
  await createTopicWith(name, 1, messages);
  const records = (await sampleThroughApp(name, { from: 'earliest', limit: messages.length })) as unknown as SampleRecord[];
  expect(records).toHaveLength(messages.length);
  return records;
}

/** What differs between the preview and Druid, in words; empty when they agree. */
function differences(preview: PreviewOutcome, druid: DruidAnswer): string[] {
  const found: string[] = [];
  if (preview.read !== druid.numRowsRead) found.push(`rows read: preview ${preview.read}, Druid ${druid.numRowsRead}`);
  if (preview.rows.length !== druid.rows.length) found.push(`rows: preview ${preview.rows.length}, Druid ${druid.rows.length}`);
  if (preview.unparseable !== druid.unparseable.length) {
    found.push(`unparseable: preview ${preview.unparseable}, Druid ${druid.unparseable.length} (Druid's first: ${druid.unparseable[0]?.error ?? 'none'})`);
  }
  for (const d of compareRows(preview.rows, druid.rows)) found.push(`column ${d.column}: ${d.difference} (preview ${d.preview}; Druid ${d.druid})`);
  const cells = differingCells(preview.rows, druid.rows);
  for (const d of cells.slice(0, SHOWN_DIFFERENCES)) found.push(`row ${d.row}, ${d.column}: preview ${JSON.stringify(d.preview)}, Druid ${JSON.stringify(d.druid)}`);
  if (cells.length > SHOWN_DIFFERENCES) found.push(`… and ${cells.length - SHOWN_DIFFERENCES} more differing cells`);
  return found;
}

function report(what: string, spec: SupervisorSpec | Record<string, unknown>, found: readonly string[]): string {
  const inner = (spec as { spec: { ioConfig: { inputFormat: unknown }; dataSchema: { timestampSpec: unknown } } }).spec;
  return [
    `${what}: the preview differs from Druid's sampler`,
    ...found.map((line) => `  ${line}`),
    `  inputFormat ${JSON.stringify(inner.ioConfig.inputFormat)}`,
    `  timestampSpec ${JSON.stringify(inner.dataSchema.timestampSpec)}`,
  ].join('\n');
}

describe("the ingest preview against Druid's sampler, on the demo topics", () => {
  for (const topic of STREAM_TOPICS) {
    it(`${topic.name}: the wizard's spec gives the same rows and the same unparseable messages`, async () => {
      const stack = testStack();
      const copy = `pvs-${topic.name}-${suffix}`;
      // The app's sample interleaves partitions; each partition's own order is kept in the copy.
      const original = (await sampleThroughApp(topic.name, { from: 'earliest', limit: MESSAGES })) as unknown as SampleRecord[];
      const records = await copyTopic(copy, original.map(asMessage));

      const inferred = await appJson<{ plan: SchemaPlan }>('/api/infer', { body: { records } });
      expect(inferred.status, JSON.stringify(inferred.body)).toBe(200);
      const generated = generateSpec(draftFor(copy), inferred.body.plan, { bootstrapServers: [stack.kafka.bootstrapServers], overlordUrl: stack.druidUrl });
      expect(generated.issues).toEqual([]);
      const spec = generated.spec!;
      const druid = await checkWithDruid(spec, records.length);

      const preview = previewRows(records, copy, spec);
      expect(differences(preview, druid), report(topic.name, spec, differences(preview, druid))).toEqual([]);

      // The rows the wizard shows (lib/infer's preview of the same plan) are Druid's first rows.
      const shown = previewPlan(toInferInput(records), inferred.body.plan).rows.map((row) => ({ ...row, __time: Date.parse(row.__time as string) }));
      const first = druid.rows.slice(0, shown.length);
      const shownFound = [...compareRows(shown, first).map((d) => `column ${d.column}: ${d.difference}`), ...differingCells(shown, first).map((d) => `row ${d.row}, ${d.column}: shown ${JSON.stringify(d.preview)}, Druid ${JSON.stringify(d.druid)}`)];
      expect(shownFound, report(`${topic.name} (the wizard's shown rows)`, spec, shownFound.slice(0, SHOWN_DIFFERENCES))).toEqual([]);
    });
  }
});

describe("the ingest preview against Druid's sampler, on messages the demo topics rarely send", () => {
  const base = (topic: string, inputFormat: Record<string, unknown>, dimensions: readonly unknown[]) => ({
    type: 'kafka',
    spec: {
      dataSchema: {
        dataSource: topic,
        timestampSpec: { column: 'ts', format: 'auto' },
        dimensionsSpec: { dimensions },
        granularitySpec: { type: 'uniform', segmentGranularity: 'DAY', queryGranularity: 'NONE', rollup: false },
      },
      ioConfig: { type: 'kafka', topic, inputFormat, consumerProperties: { 'bootstrap.servers': testStack().kafka.bootstrapServers }, useEarliestOffset: true },
      tuningConfig: { type: 'kafka' },
    },
  });

  it('JSON numbers written as doubles and lists: string dimensions hold Java text (2.0, 1.0E-4), a list of one its value, of none null', async () => {
    const topic = `pvs-doubles-${suffix}`;
    const records = await copyTopic(topic, [
      { value: '{"ts":"2026-12-07T10:00:00Z","s":2.0,"t":1e3,"u":12345678.9,"v":0.0001,"w":-0.0,"y":100,"z":[1.0,2],"d":2.0,"n":{"x":0.5}}' },
      { value: '{"ts":"2026-12-07T10:00:01Z","s":"2.0","t":7,"u":0.25,"v":null,"y":1.5,"z":[],"d":3,"n":{"x":1.0}}' },
      { value: '{"ts":"2026-12-07T10:00:02Z","s":[3.0],"t":[],"z":[null,"a"],"d":"4.5"}' },
    ]);
    const spec = base(topic, { type: 'json', flattenSpec: { fields: [{ type: 'path', name: 'nx', expr: '$.n.x' }] } }, ['s', 't', 'u', 'v', 'w', 'y', 'z', 'nx', { type: 'double', name: 'd' }]);
    const druid = await checkWithDruid(spec, records.length);
    const preview = previewRows(records, topic, spec as unknown as SupervisorSpec);
    expect(differences(preview, druid), report('doubles', spec, differences(preview, druid))).toEqual([]);
  });

  it('CSV: quoted empty fields, messages of several lines, empty lines and carriage returns, line by line as Druid reads them', async () => {
    const topic = `pvs-csv-lines-${suffix}`;
    const records = await copyTopic(topic, [
      { value: '2026-12-07T10:00:00Z,"",,plain' },
      { value: '2026-12-07T10:00:01Z,a,b,c\r\n2026-12-07T10:00:02Z,d,e,f\n' },
      { value: '2026-12-07T10:00:03Z,"multi\nline",x,y' },
      { value: '2026-12-07T10:00:04Z,g,h,i\n\n2026-12-07T10:00:05Z,j,k,l\r' },
      { value: '' },
    ]);
    const spec = base(topic, { type: 'csv', columns: ['ts', 'a', 'b', 'c'], findColumnsFromHeader: false }, ['a', 'b', 'c']);
    const druid = await checkWithDruid(spec, 8);
    const preview = previewRows(records, topic, spec as unknown as SupervisorSpec);
    expect(differences(preview, druid), report('csv lines', spec, differences(preview, druid))).toEqual([]);
    // Several lines are several rows: 5 messages, 8 lines read.
    expect(druid.numRowsRead).toBe(8);
  });
});
