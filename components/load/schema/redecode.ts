// When the user changes how messages are parsed (another format, delimiter, column names,
// pattern), the fields change: this reads the sample again under the new settings and
// suggests columns and timestamp candidates the way inference does, keeping every column the
// user already edited that still exists.
import type { Column, DecodeSettings, LoadPlan, PreparedSample, TimestampCandidate } from '@/lib/infer';
import { KAFKA_TIMESTAMP_COLUMN } from '@/lib/infer';
import { decodeSample, rootPathFor } from '@/lib/infer/decode';
import { isPlainObject } from '@/lib/infer/decoders/json';
import { collectFields, readPath, type DecodedRow } from '@/lib/infer/fields';
import { chooseRole } from '@/lib/infer/roles';
import { rankTimestampCandidates } from '@/lib/infer/timestamp/candidates';
import { chooseType, profileValues } from '@/lib/infer/types';

export interface DecodeAnalysis {
  readonly columns: readonly Column[];
  readonly candidates: readonly TimestampCandidate[];
}

function suggestColumn(name: string, path: string | undefined, values: readonly unknown[], isTime: boolean): Column {
  const profile = profileValues(values);
  const typed = chooseType(name, profile);
  const role = chooseRole(name, typed.type, profile, { isTime });
  return {
    name, path, type: typed.type, role: role.role, aggregator: role.aggregator,
    why: `${typed.why}; ${role.why}`, distinctCount: profile.distinct, highCardinality: role.highCardinality, sketch: role.sketch,
  };
}

export function analyzeDecode(sample: PreparedSample, decode: DecodeSettings, now: number): DecodeAnalysis {
  const results = decodeSample(sample.records, decode, sample.binary);
  const rows: DecodedRow[] = [];
  const kafkaTimes: number[] = [];
  let first: Record<string, unknown> | undefined;
  for (const record of sample.records) {
    const result = results[record.index];
    if (!result.ok) continue;
    first ??= result.value.message;
    for (const row of result.value.rows) {
      rows.push(row);
      kafkaTimes.push(record.kafkaTime ?? NaN);
    }
  }
  const base = first && 'schema' in first && isPlainObject(first.payload) ? '$.payload' : '$';
  const fields = collectFields(rows, rootPathFor(decode, base)).fields;
  const hasKafkaTimes = sample.records.length > 0 && sample.records.every((r) => r.kafkaTime !== undefined);
  const candidates = rankTimestampCandidates(
    fields.map((f) => ({ name: f.name, path: f.path, values: f.values })),
    hasKafkaTimes ? kafkaTimes : undefined,
    now,
  );
  const times = new Set(candidates.filter((c) => c.parseRate >= 0.9 && c.column !== KAFKA_TIMESTAMP_COLUMN).map((c) => c.column));
  const columns = fields.map((f) => suggestColumn(f.name, f.path || undefined, f.values, times.has(f.name)));
  return { columns, candidates };
}

/** The plan under new decode settings: known columns keep the user's choices, new ones get suggestions. */
export function planForDecode(plan: LoadPlan, decode: DecodeSettings, analysis: DecodeAnalysis): LoadPlan {
  const columns = analysis.columns.map((c) => plan.columns.find((old) => old.name === c.name && old.path === c.path) ?? c);
  const keepTime = plan.timestamp.column === KAFKA_TIMESTAMP_COLUMN || columns.some((c) => c.name === plan.timestamp.column);
  const best = analysis.candidates[0];
  const timestamp = keepTime || !best ? plan.timestamp : { column: best.column, path: best.path, format: best.format, fractionalSeconds: best.fractionalSeconds };
  return {
    ...plan,
    decode,
    timestamp,
    columns: columns.map((c) => (c.name === timestamp.column ? { ...c, role: 'none' as const, aggregator: undefined } : c)),
  };
}

/** Replaces a json column with one column per leaf of the objects it holds. */
export function flattenJsonColumn(sample: PreparedSample, plan: LoadPlan, name: string): LoadPlan {
  const column = plan.columns.find((c) => c.name === name);
  if (!column?.path) return plan;
  const rows: DecodedRow[] = [];
  for (const result of decodeSample(sample.records, plan.decode, sample.binary)) {
    if (!result.ok || !result.value.message) continue;
    const value = readPath(result.value.message, column.path);
    rows.push({ root: isPlainObject(value) ? value : {} });
  }
  const leaves = collectFields(rows, column.path).fields.map((f) => suggestColumn(`${name}_${f.name}`, f.path, f.values, false));
  if (leaves.length === 0) return plan;
  const at = plan.columns.indexOf(column);
  return { ...plan, columns: [...plan.columns.slice(0, at), ...leaves, ...plan.columns.slice(at + 1)] };
}
