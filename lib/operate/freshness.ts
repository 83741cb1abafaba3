// End-to-end freshness: how long a message takes from its Kafka timestamp to being queryable.
// The pure parts of a probe — which spec parts decide the row a message becomes, the Druid SQL
// that finds exactly that row, which message to follow — and the figures over stored samples.
import { describeColumns, type IngestRow, type IngestSpec } from '../ingest';
import { INPUT_FORMATS } from '../ingest/input-format';
import type { SupervisorSpec } from '../spec/supervisor-spec';
import type { FreshnessResponse } from './monitoring-schemas';

/** The figures cover this much of the most recent past. */
export const FRESHNESS_WINDOW_MS = 60 * 60 * 1000;
/** Conditions beyond these add nothing to telling one row apart, and make the Broker's work longer. */
const MAX_PROBE_COLUMNS = 12;

export interface FreshnessSampleInput {
  /** ISO time the probe ended. */
  readonly time: string;
  readonly freshnessMs: number;
  readonly seen: boolean;
}

/** The p-th percentile (0–100) by nearest rank: always a value that was measured. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * The freshness figures over the last hour. A probe that gave up counts with the time it waited:
 * the message was not queryable for at least that long, so leaving it out would flatter p95.
 */
export function summarizeFreshness(supervisorId: string, samples: readonly FreshnessSampleInput[], now: number, note: string | null = null): FreshnessResponse {
  const recent = samples.filter((s) => Date.parse(s.time) > now - FRESHNESS_WINDOW_MS).sort((a, b) => a.time.localeCompare(b.time));
  const values = recent.map((s) => s.freshnessMs);
  return {
    supervisorId,
    lastMs: recent.at(-1)?.freshnessMs ?? null,
    p50Ms: percentile(values, 50),
    p95Ms: percentile(values, 95),
    samples: recent.map((s) => ({ time: s.time, freshnessMs: s.freshnessMs, seen: s.seen })),
    note,
  };
}

/** What the probe needs from a spec: where the messages are, where the rows go, and how one becomes the other. */
export interface ProbePlan {
  readonly topic: string;
  readonly datasource: string;
  readonly ingest: IngestSpec;
  readonly rollup: boolean;
}

/** The probe plan for a spec as lib/spec imported it, or why this supervisor cannot be probed. */
export function probePlanOf(spec: SupervisorSpec): ProbePlan | { readonly skip: string } {
  const { dataSchema, ioConfig } = spec.spec;
  if (!ioConfig.topic) return { skip: 'It reads a topic pattern: the probe follows a single topic' };
  const inputFormat = ioConfig.inputFormat as IngestSpec['inputFormat'] | null | undefined;
  if (!inputFormat) return { skip: 'Its spec has no inputFormat the probe can read' };
  const readable = (format: IngestSpec['inputFormat'] | null | undefined): boolean => !format || (INPUT_FORMATS as readonly string[]).includes(format.type);
  if (!readable(inputFormat) || (inputFormat.type === 'kafka' && (!readable(inputFormat.valueFormat) || !readable(inputFormat.keyFormat)))) {
    return { skip: `Its input format (${inputFormat.type === 'kafka' ? `kafka with ${inputFormat.valueFormat?.type ?? 'no'} values` : inputFormat.type}) is one the probe cannot decode` };
  }
  const granularitySpec = (dataSchema.granularitySpec ?? undefined) as IngestSpec['granularitySpec'];
  return {
    topic: ioConfig.topic,
    datasource: dataSchema.dataSource,
    ingest: {
      inputFormat,
      timestampSpec: (dataSchema.timestampSpec ?? {}) as IngestSpec['timestampSpec'],
      dimensionsSpec: (dataSchema.dimensionsSpec ?? undefined) as IngestSpec['dimensionsSpec'],
      metricsSpec: (dataSchema.metricsSpec ?? undefined) as IngestSpec['metricsSpec'],
      transformSpec: (dataSchema.transformSpec ?? undefined) as IngestSpec['transformSpec'],
      granularitySpec,
    },
    // Druid rolls up unless told not to.
    rollup: granularitySpec?.rollup !== false,
  };
}

export interface SqlParameterValue {
  readonly type: 'BIGINT' | 'DOUBLE' | 'VARCHAR';
  readonly value: string | number;
}

export interface ProbeQuery {
  /** Counts the rows matching the message's row; parameterized, only identifiers are written into it. */
  readonly query: string;
  readonly parameters: readonly SqlParameterValue[];
  /** The dimensions the query compares. */
  readonly columns: readonly string[];
}

/** A Druid SQL identifier: double quotes, with quotes inside doubled. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The query that finds the row a message became: its __time (already truncated to the query
 * granularity) and every dimension that can be compared exactly. Float columns (stored in 32 bits),
 * arrays and JSON are left out; a row needs at least one compared dimension to be told apart.
 */
export function probeQuery(datasource: string, spec: IngestSpec, row: IngestRow): ProbeQuery | { readonly skip: string } {
  if (!Number.isSafeInteger(row.__time)) return { skip: 'Its row has no time the probe can compare' };
  const conditions = ['__time = MILLIS_TO_TIMESTAMP(?)'];
  const parameters: SqlParameterValue[] = [{ type: 'BIGINT', value: row.__time }];
  const columns: string[] = [];
  for (const column of describeColumns(spec, row)) {
    if (column.role !== 'dimension' || columns.length >= MAX_PROBE_COLUMNS) continue;
    const value = row[column.name];
    const name = sqlIdentifier(column.name);
    if (value === null || value === undefined) {
      if (column.type === 'STRING' || column.type === 'LONG' || column.type === 'DOUBLE') {
        conditions.push(`${name} IS NULL`);
        columns.push(column.name);
      }
      continue;
    }
    if (column.type === 'STRING') {
      // A multi-value string matches a value when any of its values does.
      const values = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
      if (values.length === 0) continue;
      for (const item of values) {
        conditions.push(`${name} = ?`);
        parameters.push({ type: 'VARCHAR', value: item });
      }
      columns.push(column.name);
    } else if (column.type === 'LONG' && (typeof value === 'number' || typeof value === 'bigint')) {
      conditions.push(`${name} = ?`);
      // Beyond 2^53 a JSON number loses digits; Druid reads a BIGINT parameter written as text exactly.
      parameters.push({ type: 'BIGINT', value: typeof value === 'bigint' ? value.toString() : value });
      columns.push(column.name);
    } else if (column.type === 'DOUBLE' && typeof value === 'number') {
      conditions.push(`${name} = ?`);
      parameters.push({ type: 'DOUBLE', value });
      columns.push(column.name);
    }
  }
  if (columns.length === 0) return { skip: 'Its rows have no dimension the probe can compare, so one message cannot be told apart from the others' };
  return { query: `SELECT COUNT(*) AS "rows" FROM ${sqlIdentifier(datasource)} WHERE ${conditions.join(' AND ')}`, parameters, columns };
}

export interface ProbePartition {
  readonly partition: number;
  readonly leader: number | null;
  /** Kafka's end offset: the probe waits for the message written there. */
  readonly endOffset?: string;
}

/**
 * Where to wait for the next message: every partition with a leader and an end offset, grouped by
 * leader, so that one Fetch per leader catches whichever partition is written first. Waiting on
 * all of them, not one chosen in advance, keeps the probe quick on a topic where only some
 * partitions receive messages (keyed producers).
 */
export function probePartitionsByLeader(partitions: readonly ProbePartition[]): Map<number, { partition: number; fetchOffset: string }[]> {
  const byLeader = new Map<number, { partition: number; fetchOffset: string }[]>();
  for (const p of partitions) {
    if (p.leader === null || p.leader < 0 || p.endOffset === undefined) continue;
    byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), { partition: p.partition, fetchOffset: p.endOffset }]);
  }
  return byLeader;
}

export interface CaughtMessage {
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: number;
}

/** The messages to try, newest Kafka timestamp first: the one written last says most about now. */
export function probeCandidates<M extends CaughtMessage>(messages: readonly M[], limit: number): M[] {
  return [...messages].filter((m) => Number.isFinite(m.timestamp) && m.timestamp > 0).sort((a, b) => b.timestamp - a.timestamp || a.partition - b.partition).slice(0, limit);
}

export interface ProbeSchedule {
  readonly id: string;
  readonly running: boolean;
}

/**
 * The supervisors to probe now: RUNNING ones whose last probe started at least `intervalMs` ago,
 * the longest waiting first, as many as the free probe slots allow.
 */
export function dueForProbe(supervisors: readonly ProbeSchedule[], lastProbeAt: ReadonlyMap<string, number>, inFlight: ReadonlySet<string>, now: number, intervalMs: number, slots: number): string[] {
  if (slots <= 0) return [];
  return supervisors
    .filter((s) => s.running && !inFlight.has(s.id) && now - (lastProbeAt.get(s.id) ?? -Infinity) >= intervalMs)
    .sort((a, b) => (lastProbeAt.get(a.id) ?? -Infinity) - (lastProbeAt.get(b.id) ?? -Infinity) || a.id.localeCompare(b.id))
    .slice(0, slots)
    .map((s) => s.id);
}
