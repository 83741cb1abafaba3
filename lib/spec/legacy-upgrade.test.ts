import { describe, expect, it } from 'vitest';
import { upgradeLegacySpec } from './legacy-upgrade';

const legacy = (parseSpec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'kafka',
  spec: {
    dataSchema: {
      dataSource: 'events',
      parser: { type: 'string', parseSpec: { timestampSpec: { column: 'ts', format: 'millis' }, dimensionsSpec: { dimensions: ['a'] }, ...parseSpec } },
      granularitySpec: { type: 'uniform', segmentGranularity: 'hour' },
    },
    ioConfig: { topic: 'events', consumerProperties: { 'bootstrap.servers': 'k:9092' } },
    ...extra,
  },
});

type Upgraded = { spec: { dataSchema: Record<string, unknown>; ioConfig: Record<string, unknown>; tuningConfig?: Record<string, unknown> } };
const upgrade = (json: unknown) => {
  const result = upgradeLegacySpec(json);
  return { ...result, value: result.value as Upgraded };
};

describe('upgradeLegacySpec', () => {
  it('turns a json parseSpec with a flattenSpec into an inputFormat carrying the flattenSpec', () => {
    const flattenSpec = { useFieldDiscovery: true, fields: [{ type: 'path', name: 'city', expr: '$.geo.city' }] };
    const { value, issues } = upgrade(legacy({ format: 'json', flattenSpec }));
    expect(issues).toEqual([]);
    expect(value.spec.ioConfig.inputFormat).toEqual({ type: 'json', flattenSpec });
    expect(value.spec.dataSchema).toEqual({
      dataSource: 'events',
      timestampSpec: { column: 'ts', format: 'millis' },
      dimensionsSpec: { dimensions: ['a'] },
      granularitySpec: { segmentGranularity: 'hour' },
    });
  });

  it('renames hasHeaderRow for csv and keeps columns and the list delimiter', () => {
    const { value, notes } = upgrade(legacy({ format: 'csv', columns: ['ts', 'a'], hasHeaderRow: false, listDelimiter: '|' }));
    expect(value.spec.ioConfig.inputFormat).toEqual({ type: 'csv', columns: ['ts', 'a'], findColumnsFromHeader: false, listDelimiter: '|' });
    expect(notes).toContain('Renamed parseSpec.hasHeaderRow to inputFormat.findColumnsFromHeader.');
  });

  it('keeps the delimiter of a tsv parseSpec', () => {
    const { value } = upgrade(legacy({ format: 'tsv', delimiter: '|', columns: ['ts', 'a'] }));
    expect(value.spec.ioConfig.inputFormat).toEqual({ type: 'tsv', delimiter: '|', columns: ['ts', 'a'] });
  });

  it('keeps the pattern of a regex parseSpec', () => {
    const { value } = upgrade(legacy({ format: 'regex', pattern: '^(\\d+) (\\w+)$', columns: ['ts', 'a'] }));
    expect(value.spec.ioConfig.inputFormat).toEqual({ type: 'regex', pattern: '^(\\d+) (\\w+)$', columns: ['ts', 'a'] });
  });

  it('says which formats it cannot upgrade, and where', () => {
    const { issues } = upgrade(legacy({ format: 'javascript', function: 'function(){}' }));
    expect(issues).toEqual([expect.objectContaining({ pathText: 'spec.dataSchema.parser.parseSpec.format', severity: 'error' })]);
    const avro = upgrade({ type: 'kafka', spec: { dataSchema: { dataSource: 'x', parser: { type: 'avro_stream', parseSpec: {} } }, ioConfig: {} } });
    expect(avro.issues[0]).toMatchObject({ pathText: 'spec.dataSchema.parser.type' });
    expect(avro.issues[0].message).toMatch(/avro_stream/);
  });

  it('prefers timestampSpec already in dataSchema over the one in parseSpec, as Druid does', () => {
    const json = legacy({ format: 'json' });
    (json.spec.dataSchema as Record<string, unknown>).timestampSpec = { column: 'event_time', format: 'iso' };
    const { value, notes } = upgrade(json);
    expect(value.spec.dataSchema.timestampSpec).toEqual({ column: 'event_time', format: 'iso' });
    expect(notes.some((n) => n.includes('Kept dataSchema.timestampSpec'))).toBe(true);
  });

  it('converts quoted numbers and booleans with a note, and adds the missing tuningConfig type', () => {
    const json = legacy({ format: 'json' }, { tuningConfig: { maxRowsInMemory: '100000', resetOffsetAutomatically: 'true' } });
    (json.spec.ioConfig as Record<string, unknown>).taskCount = '2';
    const { value, changes, notes } = upgrade(json);
    expect(value.spec.tuningConfig).toEqual({ type: 'kafka', maxRowsInMemory: 100000, resetOffsetAutomatically: true });
    expect(value.spec.ioConfig.taskCount).toBe(2);
    expect(changes.find((c) => c.pathText === 'spec.tuningConfig.maxRowsInMemory')).toMatchObject({ from: '100000', to: 100000 });
    expect(notes.some((n) => n.includes('spec.tuningConfig.maxRowsInMemory') && n.includes('quoted strings'))).toBe(true);
  });

  it('leaves a modern spec untouched', () => {
    const modern = { type: 'kafka', spec: { dataSchema: { dataSource: 'x', granularitySpec: { type: 'uniform' } }, ioConfig: { inputFormat: { type: 'json' } }, tuningConfig: { type: 'kafka' } } };
    const result = upgradeLegacySpec(modern);
    expect(result.value).toEqual(modern);
    expect(result.changes).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
