import { describe, expect, it } from 'vitest';
import { inferSchema } from '@/lib/infer';
import type { SupervisorSpec } from '@/lib/spec';
import { DRAFT_VERSION, type LoadDraft } from '../draft/draft';
import { checkSpecText, generateSpec } from './review-model';
import { carrySchemaChanges, schemaFromSpec, schemaPiecesOf } from './schema-sync';

const defaults = { bootstrapServers: ['kafka:9092'], overlordUrl: 'http://localhost:8888' };
const lines = ['{"ts":"2026-01-31T12:00:00Z","user":"ana","ms":42}', '{"ts":"2026-01-31T12:00:01Z","user":"bo","ms":17}'];
const draft: LoadDraft = { version: DRAFT_VERSION, id: 'topic:t', name: 't', source: { kind: 'kafka', topic: 't' }, createdAt: 1, updatedAt: 1, io: { useEarliestOffset: true } };

describe('hand-edited JSON and the schema steps', () => {
  it('carries a schema change into the JSON and keeps the hand edits elsewhere', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const before = generateSpec(draft, plan, defaults).spec!;
    const handEdited = JSON.stringify(before, null, 2).replace('"taskDuration": "PT1H"', '"taskDuration": "PT1H",\n      "completionTimeout": "PT20M"');
    const changedPlan = { ...plan, segmentGranularity: plan.segmentGranularity === 'month' ? ('day' as const) : ('month' as const) };
    const after = generateSpec(draft, changedPlan, defaults).spec!;
    const carried = carrySchemaChanges(handEdited, schemaPiecesOf(before), schemaPiecesOf(after));
    expect(carried).toBeDefined();
    const spec = checkSpecText(carried ?? '').spec!;
    expect(spec.spec.dataSchema.granularitySpec?.segmentGranularity).toBe(changedPlan.segmentGranularity.toUpperCase());
    expect(spec.spec.ioConfig).toMatchObject({ completionTimeout: 'PT20M' });
    expect(carrySchemaChanges(handEdited, schemaPiecesOf(before), schemaPiecesOf(before))).toBeUndefined();
  });

  it('brings granularity, rollup and the timestamp edited in JSON back to the schema', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const spec = generateSpec(draft, plan, defaults).spec!;
    expect(schemaFromSpec(plan, spec)).toBeUndefined();
    const edited: SupervisorSpec = {
      ...spec,
      spec: {
        ...spec.spec,
        dataSchema: { ...spec.spec.dataSchema, timestampSpec: { column: 'ts', format: 'auto' }, granularitySpec: { type: 'uniform', segmentGranularity: { type: 'week' }, queryGranularity: 'MINUTE', rollup: !plan.rollup } } as SupervisorSpec['spec']['dataSchema'],
      },
    };
    expect(schemaFromSpec(plan, edited)).toMatchObject({ segmentGranularity: 'week', queryGranularity: 'minute', rollup: !plan.rollup, timestamp: { column: 'ts', format: 'auto' } });
  });
});

describe('dimensions and metrics edited in the JSON', () => {
  const wide = [
    '{"ts":"2026-01-31T12:00:00Z","user":"ana","country":"PT","ms":42,"bytes":100}',
    '{"ts":"2026-01-31T12:00:01Z","user":"bo","country":"NO","ms":17,"bytes":250}',
  ];

  it('reach the schema steps as roles, types and aggregators, and a spec in step maps to nothing', async () => {
    const { plan } = await inferSchema({ lines: wide }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const spec = generateSpec(draft, plan, defaults).spec!;
    expect(schemaFromSpec(plan, spec)).toBeUndefined();

    const dataSchema = spec.spec.dataSchema as unknown as Record<string, unknown>;
    const edited = {
      ...spec,
      spec: {
        ...spec.spec,
        dataSchema: {
          ...dataSchema,
          // country dropped, ms kept as a long dimension, bytes summed as a double.
          dimensionsSpec: { dimensions: ['user', { type: 'long', name: 'ms' }] },
          metricsSpec: [{ type: 'count', name: 'count' }, { type: 'doubleSum', name: 'sum_bytes', fieldName: 'bytes' }],
        },
      },
    } as unknown as SupervisorSpec;
    const mapped = schemaFromSpec(plan, edited)!;
    const role = (name: string) => mapped.columns.find((c) => c.name === name);
    expect(role('user')).toMatchObject({ role: 'dimension', type: 'string' });
    expect(role('ms')).toMatchObject({ role: 'dimension', type: 'long' });
    expect(role('country')).toMatchObject({ role: 'none' });
    expect(role('bytes')).toMatchObject({ role: 'metric', aggregator: { type: 'doubleSum', name: 'sum_bytes', fieldName: 'bytes' } });
    // The schema as mapped generates the JSON's dimensions and metrics back.
    const regenerated = generateSpec(draft, mapped, defaults).spec!;
    expect(schemaFromSpec(mapped, regenerated)).toBeUndefined();
  });

  it('are not read back when Druid picks the dimensions itself', async () => {
    const { plan } = await inferSchema({ lines: wide }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const spec = generateSpec(draft, plan, defaults).spec!;
    const discovery = { ...spec, spec: { ...spec.spec, dataSchema: { ...spec.spec.dataSchema, dimensionsSpec: { dimensions: [], useSchemaDiscovery: true } } } } as unknown as SupervisorSpec;
    expect(schemaFromSpec(plan, discovery)).toBeUndefined();
  });
});
