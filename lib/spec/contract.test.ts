// Every spec in Druid's documented examples and in the seeds imports, validates, round-trips and upgrades.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { diffSpecs } from './diff-spec';
import { specToJson } from './export-spec';
import { importSpec } from './import-spec';
import { ioConfigSchema, type IoConfig } from './io-config';
import { planFromSpec } from './plan-from-spec';
import { validateSpec } from './validate';

// Fixtures come from testdata/ in the repository: Druid's documented examples and the seeds.
const TESTDATA = path.resolve(__dirname, '../../testdata');

function readTestdata(relative: string): string {
  return readFileSync(path.join(TESTDATA, relative), 'utf8');
}

function readContractJson(file: string): unknown {
  return JSON.parse(readTestdata(path.join('druid-contract', file)));
}

/** The supervisor spec in a seed's tutorial text: the first fenced block that holds "dataSchema". */
function seedSpecText(file: string): string {
  const text = readTestdata(path.join('seeds', file));
  const blocks = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const spec = blocks.find((b) => b.includes('"dataSchema"'));
  if (!spec) throw new Error(`no spec block in seeds/${file}`);
  return spec;
}

const SEED_FILES = ['000_4f032a0381a62073.txt', '001_8071f5512e9b5193.txt'] as const;

/** Every spec the contract fixtures hold: POST bodies and the Overlord's echoes. */
function contractSpecs(): { name: string; json: unknown }[] {
  const specs: { name: string; json: unknown }[] = [];
  for (const file of ['overlord.supervisor.post.request.json', 'overlord.supervisor.post.request.kafka-inputformat.json', 'overlord.supervisor.post.request.kafka-metrics.json', 'overlord.supervisor.spec.response.json', 'overlord.supervisor.suspend.response.json', 'overlord.supervisor.resume.response.json']) {
    specs.push({ name: file, json: readContractJson(file) });
  }
  (readContractJson('overlord.supervisor.list-full.response.json') as { id: string; spec: unknown }[]).forEach((entry) =>
    specs.push({ name: `list-full ${entry.id}`, json: entry.spec }),
  );
  (readContractJson('overlord.supervisor.history.response.json') as { spec: unknown; version: string }[]).forEach((entry) =>
    specs.push({ name: `history ${entry.version}`, json: entry.spec }),
  );
  const all = readContractJson('overlord.supervisor.history-all.response.json') as Record<string, { spec: unknown; version: string }[]>;
  for (const [id, entries] of Object.entries(all)) entries.forEach((e) => specs.push({ name: `history-all ${id} ${e.version}`, json: e.spec }));
  return specs;
}

const errorsOf = (issues: readonly { severity: string }[]) => issues.filter((i) => i.severity === 'error');

describe.each(contractSpecs())('contract spec $name', ({ json }) => {
  const imported = importSpec(JSON.stringify(json, null, 2));

  it('validates without errors', () => {
    expect(errorsOf(imported.issues)).toEqual([]);
    expect(imported.spec?.type).toBe('kafka');
  });

  it('exports the sections under "spec" exactly as given, unknown fields included', () => {
    const exported = JSON.parse(specToJson(imported.spec!));
    expect(exported.spec).toEqual((json as { spec: unknown }).spec);
    expect(imported.changes).toEqual([]);
  });

  it('round-trips: export then import gives the same spec', () => {
    expect(importSpec(specToJson(imported.spec!)).spec).toEqual(imported.spec);
  });

  it('maps into a load plan and back without a semantic change', () => {
    const { plan } = planFromSpec(imported.spec!);
    const rebuilt = buildSpec(plan, { base: imported.spec! });
    expect(diffSpecs(imported.spec!, rebuilt).groups).toEqual({ dataSchema: [], ioConfig: [], tuningConfig: [], other: [] });
  });
});

describe('the Overlord echo of a submitted spec', () => {
  it('is equivalent to the spec that was POSTed', () => {
    const posted = importSpec(JSON.stringify(contractSpecs()[0].json)).spec!;
    const echoed = importSpec(JSON.stringify(contractSpecs().find((s) => s.name === 'overlord.supervisor.spec.response.json')!.json)).spec!;
    const diff = diffSpecs(posted, echoed);
    expect(diff.equivalent).toBe(true);
    expect(diff.risks).toEqual([]);
  });
});

describe.each(SEED_FILES)('seed spec %s', (file) => {
  const imported = importSpec(seedSpecText(file));

  it('upgrades the legacy parser to an inputFormat and validates', () => {
    expect(errorsOf(imported.issues)).toEqual([]);
    expect(imported.spec?.spec.ioConfig.inputFormat).toEqual({ type: 'json' });
    expect(imported.spec?.spec.dataSchema).not.toHaveProperty('parser');
    expect(imported.changes.map((c) => c.pathText)).toEqual(
      expect.arrayContaining(['spec.ioConfig.inputFormat', 'spec.dataSchema.parser', 'spec.dataSchema.timestampSpec', 'spec.dataSchema.dimensionsSpec']),
    );
  });

  it('round-trips once upgraded', () => {
    const again = importSpec(specToJson(imported.spec!));
    expect(again.spec).toEqual(imported.spec);
    expect(again.changes).toEqual([]);
  });

  it('maps into a load plan and back without a semantic change', () => {
    const { plan } = planFromSpec(imported.spec!);
    expect(diffSpecs(imported.spec!, buildSpec(plan, { base: imported.spec! })).equivalent).toBe(true);
  });
});

describe('other documented pieces', () => {
  it('the autoscaler and idle ioConfig example parses and passes the checks for a 6-partition topic', () => {
    const ioConfig = readContractJson('overlord.supervisor.ioConfig.autoScaler-idle.fragment.json');
    expect(ioConfigSchema.safeParse(ioConfig).success).toBe(true);
    const spec = importSpec(readTestdata('druid-contract/overlord.supervisor.post.request.kafka-metrics.json')).spec!;
    const withScaler = { ...spec, spec: { ...spec.spec, ioConfig: ioConfig as IoConfig } };
    expect(validateSpec(withScaler, { partitionCount: 6 }).issues.map((i) => i.pathText)).toEqual(['spec.ioConfig.useEarliestOffset']);
    expect(validateSpec(withScaler, { partitionCount: 4 }).issues.map((i) => i.pathText)).toContain('spec.ioConfig.autoScalerConfig.taskCountMax');
  });

  it('a batch task spec is refused with a reason', () => {
    const result = importSpec(readTestdata('druid-contract/overlord.task.post.request.json'));
    expect(result.spec).toBeUndefined();
    expect(result.issues).toContainEqual(expect.objectContaining({ pathText: 'type', message: expect.stringMatching(/must be "kafka"/) }));
  });
});
