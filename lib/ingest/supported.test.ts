import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSupported } from './supported';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../../testdata/druid-contract', name), 'utf8'));

describe('checkSupported', () => {
  it('accepts the documented modern Kafka specs', () => {
    expect(checkSupported(fixture('overlord.supervisor.post.request.json'))).toEqual([]);
    expect(checkSupported(fixture('overlord.supervisor.post.request.kafka-inputformat.json'))).toEqual([]);
    expect(checkSupported(fixture('overlord.supervisor.post.request.kafka-metrics.json'))).toEqual([]);
  });

  it('names unsupported metrics, transforms, filters and formats by path', () => {
    const spec = fixture('overlord.supervisor.post.request.json');
    spec.spec.dataSchema.metricsSpec = [{ type: 'count', name: 'c' }, { type: 'longSum', name: 'v' }, { type: 'thetaSketch', name: 'u', fieldName: 'user' }];
    spec.spec.dataSchema.transformSpec = { transforms: [{ type: 'expression', name: 'x', expression: 'concat(a, b)' }, { type: 'expression', name: 'y', expression: 'json_value(a, \'$.b\')' }], filter: { type: 'interval', dimension: '__time' } };
    spec.spec.ioConfig.inputFormat = { type: 'avro_stream' };
    expect(checkSupported(spec)).toEqual([
      { path: 'spec.dataSchema.metricsSpec[1].fieldName', message: 'is required for a longSum metric' },
      { path: 'spec.dataSchema.metricsSpec[2].type', message: '"thetaSketch" is not supported by the local engine' },
      { path: 'spec.dataSchema.transformSpec.transforms[1].expression', message: expect.stringContaining('function "json_value" is not supported by the local engine') },
      { path: 'spec.dataSchema.transformSpec.filter.type', message: '"interval" is not supported by the local engine' },
      { path: 'spec.ioConfig.inputFormat.type', message: '"avro_stream" is not supported by the local engine' },
    ]);
  });

  it('uses paths without the spec wrapper for the top-level form, and rejects legacy parsers', () => {
    const { spec } = fixture('overlord.supervisor.post.request.json');
    const legacy = { type: 'kafka', ...spec, dataSchema: { ...spec.dataSchema, parser: { type: 'string' } } };
    delete legacy.ioConfig.inputFormat;
    expect(checkSupported(legacy).map((issue) => issue.path)).toEqual(['dataSchema.parser', 'ioConfig.inputFormat']);
  });
});
