// Keeps hand-edited JSON and the schema steps in step. Schema changes made in the earlier steps
// reach the JSON piece by piece (a piece the steps changed replaces the JSON's; every other hand
// edit stays), and JSON edits to granularity, rollup and the timestamp reach the schema steps.
import { applyEdits, modify } from 'jsonc-parser';
import type { Granularity, LoadPlan as SchemaPlan } from '@/lib/infer/model';
import { getAt, normalizeGranularity, type JsonPath, type SupervisorSpec } from '@/lib/spec';

/** The spec's parts that the schema steps decide. */
const SCHEMA_PIECES: Readonly<Record<string, JsonPath>> = {
  inputFormat: ['spec', 'ioConfig', 'inputFormat'],
  timestampSpec: ['spec', 'dataSchema', 'timestampSpec'],
  dimensionsSpec: ['spec', 'dataSchema', 'dimensionsSpec'],
  metricsSpec: ['spec', 'dataSchema', 'metricsSpec'],
  granularitySpec: ['spec', 'dataSchema', 'granularitySpec'],
  transformSpec: ['spec', 'dataSchema', 'transformSpec'],
};

export type SchemaPieces = Readonly<Record<string, string | undefined>>;

/** The schema pieces of a spec, each as JSON text, to tell later which of them changed. */
export function schemaPiecesOf(spec: SupervisorSpec): SchemaPieces {
  return Object.fromEntries(Object.entries(SCHEMA_PIECES).map(([name, path]) => [name, JSON.stringify(getAt(spec, path))]));
}

/**
 * Writes into `text` the pieces that differ between `basis` (what the steps said when the JSON
 * was last in step with them) and `now` (what they say now). Undefined when nothing changed.
 */
export function carrySchemaChanges(text: string, basis: SchemaPieces, now: SchemaPieces): string | undefined {
  let next = text;
  let changed = false;
  for (const [name, path] of Object.entries(SCHEMA_PIECES)) {
    if (basis[name] === now[name]) continue;
    const value = now[name] === undefined ? undefined : JSON.parse(now[name]);
    next = applyEdits(next, modify(next, [...path], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    changed = true;
  }
  return changed ? next : undefined;
}

const GRANULARITIES: readonly Granularity[] = ['none', 'second', 'minute', 'fifteen_minute', 'hour', 'day', 'week', 'month', 'year', 'all'];

function granularityOf(value: unknown): Granularity | undefined {
  const g = normalizeGranularity(value);
  return GRANULARITIES.find((known) => known === g);
}

/** The schema plan with the JSON's granularity, rollup and timestamp, or undefined when they agree. */
export function schemaFromSpec(plan: SchemaPlan, spec: SupervisorSpec): SchemaPlan | undefined {
  const { granularitySpec, timestampSpec } = spec.spec.dataSchema;
  const segmentGranularity = granularityOf(granularitySpec?.segmentGranularity) ?? plan.segmentGranularity;
  const queryGranularity = granularityOf(granularitySpec?.queryGranularity) ?? plan.queryGranularity;
  const rollup = typeof granularitySpec?.rollup === 'boolean' ? granularitySpec.rollup : plan.rollup;
  // Fractional epoch seconds are read by a transform, not the timestampSpec: nothing there maps back.
  const column = !plan.timestamp.fractionalSeconds && typeof timestampSpec?.column === 'string' ? timestampSpec.column : plan.timestamp.column;
  const format = !plan.timestamp.fractionalSeconds && typeof timestampSpec?.format === 'string' ? timestampSpec.format : plan.timestamp.format;
  const same =
    segmentGranularity === plan.segmentGranularity && queryGranularity === plan.queryGranularity && rollup === plan.rollup && column === plan.timestamp.column && format === plan.timestamp.format;
  if (same) return undefined;
  const path = plan.columns.find((c) => c.name === column)?.path;
  const timestamp = column === plan.timestamp.column ? { ...plan.timestamp, format } : { column, format, ...(path ? { path } : {}) };
  return { ...plan, segmentGranularity, queryGranularity, rollup, timestamp };
}
