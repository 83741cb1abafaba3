// Contract: every response schema parses every matching example from Druid's docs
// (testdata/druid-contract, INDEX.md), and no example is left unchecked.
import { describe, expect, it } from 'vitest';
import { fixtureJson, fixtureNames, recordedJson, recordedNames } from '../testing/fixtures';
import * as s from './index';
import { RESPONSES, schemaFor } from '../testing/contract-schemas';

const NATIVE_REQUESTS = fixtureNames().filter((name) => /^broker\.native\..*\.request\.json$/.test(name));

/** Files with no response schema, and why. */
const NOT_RESPONSES: Record<string, string> = {
  'INDEX.md': 'the index itself',
  'docker.md': 'deployment notes',
  'kafka-supervisor-spec.reference.json': 'a field reference, checked by lib/spec',
  'ingestion.inputFormat.kafka.example.json': 'an inputFormat, checked by lib/spec',
  'ingestion.inputFormat.kafka.parsed-row.example.json': 'a parsed row, checked by lib/infer',
  'overlord.supervisor.post.request.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.post.request.kafka-metrics.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.post.request.kafka-inputformat.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.ioConfig.autoScaler-idle.fragment.json': 'a spec fragment, checked by lib/spec',
  'overlord.task.post.request.json': 'a batch task spec; the app submits no tasks',
  'overlord.taskStatus.post.request.json': 'a list of task ids the app would send',
  'broker.sql-statements.post.request.json': 'a request of the asynchronous SQL API, which the app does not use',
  // Plain text bodies: the client returns them as strings, there is nothing to parse.
  'overlord.leader.response.txt': 'plain-text URL',
  'overlord.task.log.response.excerpt.txt': 'plain-text log (see the client tests)',
  'broker.sql.response.csv.header-only.txt': 'CSV (see sql-result tests)',
  'broker.sql.response.csv.header-types.txt': 'CSV (see sql-result tests)',
  // The docs print these outputs with <some_value> placeholders, so they are not
  // JSON; timeseries.response.shape.json is the same output with nulls, parsed above.
  'broker.native.timeseries.response.template.txt': 'not JSON; see timeseries.response.shape.json',
  'broker.native.timeseries.emptyBuckets.response.template.txt': 'not JSON; see timeseries.response.shape.json',
  'broker.native.groupBy.response.template.txt': 'not JSON; groupBy rows are checked with the social_media example',
};

describe('Druid contract fixtures', () => {
  it.each(Object.entries(RESPONSES))('%s parses', (name, schema) => {
    const result = schema.safeParse(fixtureJson(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(NATIVE_REQUESTS)('native query %s parses', (name) => {
    expect(s.NativeQuerySchema.safeParse(fixtureJson(name)).success).toBe(true);
  });

  it('leaves no fixture unchecked', () => {
    const covered = new Set([...Object.keys(RESPONSES), ...NATIVE_REQUESTS, ...Object.keys(NOT_RESPONSES)]);
    expect(fixtureNames().filter((name) => !covered.has(name))).toEqual([]);
  });
});

// Answers of a real Apache Druid 33.0.0, recorded by lib/druid/druid33-contract.real.test.ts.
describe('Apache Druid 33 recorded answers', () => {
  it.each(recordedNames())('%s parses', (name) => {
    const schema = schemaFor(name);
    expect(schema, `no schema reads ${name}`).toBeDefined();
    expect(schema!.safeParse(recordedJson(name)).error?.issues ?? []).toEqual([]);
  });

  it('include the history of a terminated supervisor, whose tombstone repeats "type"', () => {
    expect(recordedNames()).toContain('overlord.supervisor.history.terminated.response.json');
  });
});
