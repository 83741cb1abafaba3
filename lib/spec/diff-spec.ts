// Semantic diff of two supervisor specs: what changes when "after" replaces "before".
// Spellings Druid treats as the same (HOUR vs {"type":"hour"}, PT1H vs PT3600S, a left-out field vs
// its default, the Overlord's echo of defaults) are not changes.
import { dimensionName, dimensionType, type Dimension } from './dimensions-spec';
import { normalizeGranularity } from './granularity-spec';
import { IO_CONFIG_DEFAULTS, IO_CONFIG_ECHO_ALIASES } from './io-config';
import { isRecord, pathToText, type JsonPath } from './issue';
import { deepEqual } from './json-value';
import { isPeriod, periodToMs } from './period';
import { risksOf, type SpecRisk } from './spec-risks';
import type { SupervisorSpec } from './supervisor-spec';
import { TUNING_CONFIG_DEFAULTS } from './tuning-config';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface SpecDiffChange {
  readonly path: JsonPath;
  readonly pathText: string;
  readonly kind: ChangeKind;
  readonly from?: unknown;
  readonly to?: unknown;
}

export interface SpecDiff {
  readonly groups: {
    readonly dataSchema: SpecDiffChange[];
    readonly ioConfig: SpecDiffChange[];
    readonly tuningConfig: SpecDiffChange[];
    /** Top-level fields: type, suspended, context... */
    readonly other: SpecDiffChange[];
  };
  readonly risks: SpecRisk[];
  /** True when Druid would run both specs the same way. */
  readonly equivalent: boolean;
}

function change(path: JsonPath, from: unknown, to: unknown): SpecDiffChange {
  const kind: ChangeKind = from === undefined ? 'added' : to === undefined ? 'removed' : 'changed';
  return { path, pathText: pathToText(path), kind, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (deepEqual(a, b)) return true;
  if (typeof a === 'string' && typeof b === 'string' && isPeriod(a) && isPeriod(b)) return periodToMs(a) === periodToMs(b);
  return false;
}

/** Values a field takes when it is left out: any of them counts as "unchanged" against absence. */
type Defaults = Readonly<Record<string, readonly unknown[]>>;

function withoutNulls(obj: unknown): Record<string, unknown> {
  if (!isRecord(obj)) return {};
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null));
}

function diffFields(path: JsonPath, before: unknown, after: unknown, defaults: Defaults, out: SpecDiffChange[], skip: ReadonlySet<string> = new Set()): void {
  const a = withoutNulls(before);
  const b = withoutNulls(after);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.has(key)) continue;
    const fallback = defaults[key] ?? [];
    const va = a[key];
    const vb = b[key];
    const isDefault = (v: unknown) => v === undefined || fallback.some((d) => sameValue(v, d));
    if (sameValue(va, vb) || (isDefault(va) && isDefault(vb))) continue;
    if (isRecord(va) && isRecord(vb)) {
      diffFields([...path, key], va, vb, {}, out);
      continue;
    }
    out.push(change([...path, key], va ?? fallback[0], vb ?? fallback[0]));
  }
}

const IO_DEFAULTS: Defaults = Object.fromEntries(Object.entries(IO_CONFIG_DEFAULTS).map(([k, v]) => [k, [v]]));
const TIMESTAMP_DEFAULTS: Defaults = { column: ['timestamp'], format: ['auto'] };
const GRANULARITY_DEFAULTS: Defaults = { type: ['uniform'], rollup: [true], intervals: [[]], segmentGranularity: ['day'], queryGranularity: ['none'] };
const DIMENSIONS_SPEC_DEFAULTS: Defaults = { includeAllDimensions: [false], useSchemaDiscovery: [false], dimensionExclusions: [[]], spatialDimensions: [[]], dimensions: [[]] };

// Druid echoes each dimension with its defaults spelled out; those are not changes.
function dimensionShape(d: Dimension): Record<string, unknown> {
  if (typeof d === 'string') return { type: 'string' };
  const { name: _name, ...rest } = d;
  const shape: Record<string, unknown> = { ...rest, type: dimensionType(d) };
  if (shape.multiValueHandling === 'SORTED_ARRAY') delete shape.multiValueHandling;
  if (shape.createBitmapIndex === true || (shape.type !== 'string' && shape.createBitmapIndex === false)) delete shape.createBitmapIndex;
  return shape;
}

function diffDataSchema(before: SupervisorSpec, after: SupervisorSpec, out: SpecDiffChange[]): void {
  const a = before.spec.dataSchema;
  const b = after.spec.dataSchema;
  const path = ['spec', 'dataSchema'];
  if (a.dataSource !== b.dataSource) out.push(change([...path, 'dataSource'], a.dataSource, b.dataSource));
  diffFields([...path, 'timestampSpec'], a.timestampSpec, b.timestampSpec, TIMESTAMP_DEFAULTS, out);

  const dimsA = a.dimensionsSpec?.dimensions ?? [];
  const dimsB = b.dimensionsSpec?.dimensions ?? [];
  const dimPath = [...path, 'dimensionsSpec', 'dimensions'];
  const indexB = new Map(dimsB.map((d, i) => [dimensionName(d), i]));
  const indexA = new Map(dimsA.map((d, i) => [dimensionName(d), i]));
  dimsA.forEach((d, i) => {
    const j = indexB.get(dimensionName(d));
    if (j === undefined) out.push(change([...dimPath, i], d, undefined));
    else if (!deepEqual(dimensionShape(d), dimensionShape(dimsB[j]))) out.push(change([...dimPath, j], d, dimsB[j]));
  });
  dimsB.forEach((d, j) => {
    if (!indexA.has(dimensionName(d))) out.push(change([...dimPath, j], undefined, d));
  });
  const commonA = dimsA.map(dimensionName).filter((n) => indexB.has(n));
  const commonB = dimsB.map(dimensionName).filter((n) => indexA.has(n));
  if (!deepEqual(commonA, commonB)) out.push(change([...dimPath], commonA, commonB));

  // Druid adds the timestamp column, __time and every other input and output column to the exclusions it echoes.
  const autoExcluded = (spec: SupervisorSpec) => {
    const ds = spec.spec.dataSchema;
    const names = new Set(['__time', ds.timestampSpec?.column ?? 'timestamp']);
    for (const m of ds.metricsSpec ?? []) {
      names.add(m.name);
      if (typeof m.fieldName === 'string') names.add(m.fieldName);
    }
    return names;
  };
  const exclusions = (spec: SupervisorSpec, auto: Set<string>) =>
    [...new Set(spec.spec.dataSchema.dimensionsSpec?.dimensionExclusions ?? [])].filter((n) => !auto.has(n)).sort();
  const auto = new Set([...autoExcluded(before), ...autoExcluded(after)]);
  const exA = exclusions(before, auto);
  const exB = exclusions(after, auto);
  if (!deepEqual(exA, exB)) out.push(change([...path, 'dimensionsSpec', 'dimensionExclusions'], exA, exB));
  diffFields([...path, 'dimensionsSpec'], a.dimensionsSpec, b.dimensionsSpec, DIMENSIONS_SPEC_DEFAULTS, out, new Set(['dimensions', 'dimensionExclusions']));

  const metricsA = a.metricsSpec ?? [];
  const metricsB = b.metricsSpec ?? [];
  const metricPath = [...path, 'metricsSpec'];
  metricsA.forEach((m, i) => {
    const j = metricsB.findIndex((n) => n.name === m.name);
    if (j < 0) out.push(change([...metricPath, i], m, undefined));
    else if (!deepEqual(m, metricsB[j])) out.push(change([...metricPath, j], m, metricsB[j]));
  });
  metricsB.forEach((m, j) => {
    if (!metricsA.some((n) => n.name === m.name)) out.push(change([...metricPath, j], undefined, m));
  });

  const gPath = [...path, 'granularitySpec'];
  const ga = a.granularitySpec ?? {};
  const gb = b.granularitySpec ?? {};
  for (const key of ['segmentGranularity', 'queryGranularity'] as const) {
    const na = normalizeGranularity(ga[key] ?? GRANULARITY_DEFAULTS[key][0]);
    const nb = normalizeGranularity(gb[key] ?? GRANULARITY_DEFAULTS[key][0]);
    if (na !== nb) out.push(change([...gPath, key], ga[key] ?? GRANULARITY_DEFAULTS[key][0], gb[key] ?? GRANULARITY_DEFAULTS[key][0]));
  }
  diffFields(gPath, ga, gb, GRANULARITY_DEFAULTS, out, new Set(['segmentGranularity', 'queryGranularity']));

  const emptyTransform = { transforms: [], filter: null };
  diffFields([...path, 'transformSpec'], a.transformSpec ?? emptyTransform, b.transformSpec ?? emptyTransform, { transforms: [[]] }, out);
  diffFields(path, a, b, {}, out, new Set(['dataSource', 'timestampSpec', 'dimensionsSpec', 'metricsSpec', 'granularitySpec', 'transformSpec']));
}

export function diffSpecs(before: SupervisorSpec, after: SupervisorSpec): SpecDiff {
  const dataSchema: SpecDiffChange[] = [];
  const ioConfig: SpecDiffChange[] = [];
  const tuningConfig: SpecDiffChange[] = [];
  const other: SpecDiffChange[] = [];
  diffDataSchema(before, after, dataSchema);
  diffFields(['spec', 'ioConfig'], before.spec.ioConfig, after.spec.ioConfig, IO_DEFAULTS, ioConfig, new Set(Object.keys(IO_CONFIG_ECHO_ALIASES)));
  diffFields(['spec', 'tuningConfig'], before.spec.tuningConfig, after.spec.tuningConfig, TUNING_CONFIG_DEFAULTS, tuningConfig);
  diffFields([], before, after, { suspended: [false] }, other, new Set(['spec']));
  const specKeys = new Set(['dataSchema', 'ioConfig', 'tuningConfig']);
  diffFields(['spec'], before.spec, after.spec, {}, other, specKeys);
  const groups = { dataSchema, ioConfig, tuningConfig, other };
  const all = [...dataSchema, ...ioConfig, ...tuningConfig, ...other];
  return { groups, risks: risksOf(before, after, all), equivalent: all.length === 0 };
}
