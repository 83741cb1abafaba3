// End-to-end freshness probes: wait for the next message on a supervisor's topic, work out the row
// Druid makes of it, and query the datasource every ~100 ms until that row is there. Run after the
// collector's rounds for RUNNING supervisors, two at a time, never holding the collector up.
import 'server-only';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory';
import type { Kysely } from 'kysely';
import { getConfig } from '@/lib/config';
import type { DruidClient } from '@/lib/druid';
import { createRowParser, type KafkaRecordInput, type RowParser } from '@/lib/ingest';
import { LATEST, describeCause, kafkaClient, type KafkaClient } from '@/lib/kafka/client';
import { dueForProbe, FRESHNESS_WINDOW_MS, probeCandidates, probePartitionsByLeader, probePlanOf, probeQuery, summarizeFreshness, type ProbePlan, type ProbeQuery } from '@/lib/operate/freshness';
import type { FreshnessResponse } from '@/lib/operate/monitoring-schemas';
import { importStoredSpec } from '@/lib/spec';
import { deleteFreshnessBefore, findFreshnessSamples, insertFreshnessSample, latestFreshnessTimes } from '@/lib/store/freshness';
import type { StoreTables } from '@/lib/store/schema';
import { store } from './audit';
import type { AfterCollect, CollectedSupervisor } from './collected';
import { druid } from './druid';

/** Probes in flight at once: each holds a Fetch and a stream of small queries for up to half a minute. */
const PROBE_SLOTS = 2;
/** One Fetch waits this long for a message to be written; the probe asks twice before calling the topic idle. */
const MESSAGE_WAIT_MS = 5_000;
const MESSAGE_WAIT_ROUNDS = 2;
/** After this long from when the probe caught it, a message not yet queryable is recorded as not seen. */
const GIVE_UP_MS = 30_000;
const QUERY_EVERY_MS = 100;
const QUERY_TIMEOUT_MS = 5_000;
/** Messages of one Fetch tried in turn when the newest does not become a row (filtered, unparseable). */
const CANDIDATES = 5;
const FETCH_PARTITION_BYTES = 256 * 1024;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;
/** A message caught this long after its Kafka timestamp had it set by its producer, not by its arrival. */
const PRODUCER_DELAY_NOTE_MS = 10_000;
const RETENTION_EVERY_MS = 10 * 60 * 1000;

export interface ProbeTarget {
  readonly id: string;
  /** The spec as Druid echoes it (GET /supervisor/{id}, or the collector's full list). */
  readonly spec: unknown;
}

export interface ProbeOptions {
  readonly kafka?: KafkaClient;
  readonly druid?: DruidClient;
  readonly giveUpMs?: number;
  readonly messageWaitMs?: number;
  readonly messageWaitRounds?: number;
}

export interface ProbeDetail {
  readonly partition: number;
  readonly offset: string;
  readonly kafkaTimestamp: number;
  /** When the probe had the message, in ms since 1970: the gap from kafkaTimestamp is Kafka's and the producer's part. */
  readonly caughtAt: number;
  readonly queries: number;
  readonly columns: readonly string[];
  readonly note?: string;
  readonly lastError?: string;
}

export type ProbeOutcome =
  | { readonly kind: 'measured'; readonly at: string; readonly freshnessMs: number; readonly seen: boolean; readonly detail: ProbeDetail }
  | { readonly kind: 'skipped'; readonly note: string };

type Db = Kysely<StoreTables>;

const skipped = (note: string): ProbeOutcome => ({ kind: 'skipped', note });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let probeClient: KafkaClient | undefined;

/**
 * A Kafka client of the probes' own: a broker answers one request per connection at a time, so a
 * Fetch that waits seconds for a message would hold up the sampler's and the lag's Fetches on the
 * shared connection.
 */
function probeKafka(): KafkaClient {
  probeClient ??= kafkaClient(getConfig().kafka, { socketFactory: defaultSocketFactory() });
  return probeClient;
}

/** One probe of one supervisor: a sample when a message was caught and followed, else why not. */
export async function probeFreshness(target: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  const imported = importStoredSpec(target.spec);
  if (!imported.spec) return skipped(`Its spec could not be read: ${imported.issues[0]?.message ?? 'not a Kafka supervisor spec'}`);
  const plan = probePlanOf(imported.spec);
  if ('skip' in plan) return skipped(plan.skip);
  let parse: RowParser;
  try {
    parse = createRowParser(plan.ingest);
  } catch (error) {
    return skipped(`Its spec uses what the probe cannot apply: ${(error as Error).message}`);
  }
  const kafka = options.kafka ?? probeKafka();
  const caught = await waitForMessages(kafka, plan.topic, options.messageWaitMs ?? MESSAGE_WAIT_MS, options.messageWaitRounds ?? MESSAGE_WAIT_ROUNDS);
  if (typeof caught === 'string') return skipped(caught);
  const caughtAt = Date.now();

  let chosen: { record: KafkaRecordInput & { partition: number; offset: string }; query: ProbeQuery } | undefined;
  let firstReason: string | undefined;
  for (const record of probeCandidates(caught, CANDIDATES)) {
    const result = parse(record);
    const query = result.kind === 'row' ? probeQuery(plan.datasource, plan.ingest, result.row) : { skip: result.reason };
    if ('skip' in query) firstReason ??= `The newest message (partition ${record.partition}, offset ${record.offset}) does not become a row the probe can find: ${query.skip}`;
    else {
      chosen = { record, query };
      break;
    }
  }
  if (!chosen) return skipped(firstReason ?? `No message on topic "${plan.topic}" had a Kafka timestamp`);
  return followRow(plan, chosen.record, chosen.query, caughtAt, options);
}

type CaughtRecord = KafkaRecordInput & { partition: number; offset: string; timestamp: number };

/** Waits for the next messages written to any partition of the topic; a string says why none came. */
async function waitForMessages(kafka: KafkaClient, topic: string, waitMs: number, rounds: number): Promise<CaughtRecord[] | string> {
  let partitions;
  try {
    const metadata = await kafka.metadata({ fresh: true });
    const described = metadata.topicMetadata.find((t) => t.topic === topic);
    if (!described) return `Its topic "${topic}" does not exist on Tributary's Kafka cluster`;
    const leaders = described.partitionMetadata.map((p) => ({ topic, partition: p.partitionId, leader: p.leader }));
    const ends = await kafka.listOffsets(leaders, LATEST);
    partitions = leaders.map((p, i) => ({ ...p, endOffset: ends[i].offset }));
  } catch (error) {
    return `Kafka did not say where topic "${topic}" ends: ${describeCause(error)}`;
  }
  const byLeader = probePartitionsByLeader(partitions);
  if (byLeader.size === 0) return `No partition of topic "${topic}" has a leader to read from`;
  for (let round = 0; round < rounds; round++) {
    const messages = await firstMessages(kafka, topic, byLeader, waitMs);
    if (typeof messages === 'string' || messages.length > 0) return messages;
  }
  return `No message was written to topic "${topic}" within ${(waitMs * rounds) / 1000} s, so there was none to follow`;
}

/**
 * One Fetch per leader at the end offsets; answers with the first leader that has messages, none
 * when all waited in vain, or why not when no leader answered.
 */
function firstMessages(kafka: KafkaClient, topic: string, byLeader: Map<number, { partition: number; fetchOffset: string }[]>, waitMs: number): Promise<CaughtRecord[] | string> {
  return new Promise((resolve) => {
    let pending = byLeader.size;
    let failed = 0;
    let lastError: unknown;
    for (const [leader, list] of byLeader) {
      kafka
        .fetch(
          leader,
          list.map((p) => ({ topic, partition: p.partition, fetchOffset: p.fetchOffset, maxBytes: FETCH_PARTITION_BYTES })),
          { maxBytes: FETCH_MAX_BYTES, maxWaitMs: waitMs },
        )
        .then((answers) => {
          const records: CaughtRecord[] = [];
          for (const answer of answers) {
            const from = BigInt(list.find((p) => p.partition === answer.partition)?.fetchOffset ?? '0');
            for (const m of answer.messages ?? []) {
              // A batch comes whole: messages before the end offset were there before the probe began.
              if (m.isControlRecord || BigInt(m.offset) < from) continue;
              const headers: Record<string, string | Uint8Array> = {};
              for (const [key, value] of Object.entries(m.headers ?? {})) {
                const first = Array.isArray(value) ? value[0] : value;
                if (first !== undefined) headers[key] = first;
              }
              records.push({ topic, partition: answer.partition, offset: m.offset, timestamp: Number(m.timestamp), key: m.key, value: m.value, headers });
            }
          }
          if (records.length > 0) resolve(records);
        })
        .catch((error: unknown) => {
          failed++;
          lastError = error;
        })
        .finally(() => {
          if (--pending === 0) resolve(failed === byLeader.size ? `Kafka did not answer the probe's Fetch on topic "${topic}": ${describeCause(lastError)}` : []);
        });
    }
  });
}

/** Queries the datasource for the message's row until it is there or the probe gives up. */
async function followRow(plan: ProbePlan, record: CaughtRecord, query: ProbeQuery, caughtAt: number, options: ProbeOptions): Promise<ProbeOutcome> {
  const client = options.druid ?? druid();
  // From when the probe had the message: a producer's timestamp may be old, or ahead of this clock.
  const giveUpAt = caughtAt + (options.giveUpMs ?? GIVE_UP_MS);
  const producerDelayMs = caughtAt - record.timestamp;
  const note = plan.rollup
    ? // A rolled-up row gathers every message of its time bucket and dimensions: one may have made it before this one.
      'Rolled-up datasource: a row of the same time and dimensions may exist before the probed message lands, so freshness may read early'
    : producerDelayMs > PRODUCER_DELAY_NOTE_MS
      ? `The probed message reached Kafka ${Math.round(producerDelayMs / 1000)} s after its Kafka timestamp (its producer sets it): freshness counts from that timestamp`
      : undefined;
  const base = { partition: record.partition, offset: record.offset, kafkaTimestamp: record.timestamp, caughtAt, columns: query.columns, ...(note ? { note } : {}) };
  let queries = 0;
  let lastError: string | undefined;
  // At least one look, even for a message older than the give-up time when it was caught.
  do {
    const sent = Date.now();
    try {
      queries++;
      const result = await client.sql.query(
        { query: query.query, parameters: [...query.parameters], header: false, context: { useCache: false, populateCache: false } },
        { timeoutMs: QUERY_TIMEOUT_MS },
      );
      const found = Number(result.rows[0]?.[0] ?? 0);
      if (found > 0) {
        const answeredAt = Date.now();
        return { kind: 'measured', at: new Date(answeredAt).toISOString(), freshnessMs: Math.max(0, answeredAt - record.timestamp), seen: true, detail: { ...base, queries } };
      }
    } catch (error) {
      // A datasource that has no segment yet is "not found" to SQL: not there yet, like the row.
      lastError = (error as Error).message;
    }
    await sleep(Math.max(0, QUERY_EVERY_MS - (Date.now() - sent)));
  } while (Date.now() < giveUpAt);
  const now = Date.now();
  return { kind: 'measured', at: new Date(now).toISOString(), freshnessMs: Math.max(0, now - record.timestamp), seen: false, detail: { ...base, queries, ...(lastError ? { lastError: lastError.slice(0, 500) } : {}) } };
}

/** Why the latest probe of a supervisor measured nothing, on this instance; cleared by a measurement. */
const skipNotes = new Map<string, { at: number; note: string }>();

/** Probes one supervisor and keeps what it found: a sample in the store, or the reason there is none. */
export async function recordFreshnessProbe(target: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  const outcome = await probeFreshness(target, options);
  if (outcome.kind === 'skipped') {
    skipNotes.set(target.id, { at: Date.now(), note: outcome.note });
    return outcome;
  }
  skipNotes.delete(target.id);
  const { db } = await store();
  await insertFreshnessSample(db, { supervisorId: target.id, at: outcome.at, freshnessMs: outcome.freshnessMs, seen: outcome.seen ? 1 : 0, detail: JSON.stringify(outcome.detail) });
  return outcome;
}

export interface FreshnessSchedulerOptions {
  /** Probes and records one supervisor; recordFreshnessProbe by default. */
  readonly probe?: (target: ProbeTarget) => Promise<unknown>;
  readonly db?: () => Promise<Db>;
  /** From config.monitoring by default. */
  readonly intervalMs?: number;
  readonly retentionDays?: number;
}

/**
 * The work after each collector round: starts the probes that are due, at most PROBE_SLOTS at a
 * time, and returns without waiting for them; a failed probe is logged. Old samples go with the
 * metrics' retention.
 */
export function freshnessScheduler(options: FreshnessSchedulerOptions = {}): AfterCollect {
  const probe = options.probe ?? ((target: ProbeTarget) => recordFreshnessProbe(target));
  const openDb = options.db ?? (async () => (await store()).db);
  const lastProbeAt = new Map<string, number>();
  const inFlight = new Set<string>();
  let seeded = false;
  let lastRetentionAt = -Infinity;

  return async function freshnessAfterCollect(collection) {
    const intervalMs = options.intervalMs ?? getConfig().monitoring.freshnessIntervalMs;
    const retentionDays = options.retentionDays ?? getConfig().monitoring.retentionDays;
    const now = collection.at;
    if (!seeded) {
      // Where probes resume after a restart, or when this instance takes over collecting.
      try {
        for (const [id, at] of await latestFreshnessTimes(await openDb())) if (!lastProbeAt.has(id)) lastProbeAt.set(id, Date.parse(at));
        seeded = true;
      } catch (error) {
        console.error(`Tributary could not read when freshness was last probed: ${(error as Error).message}`);
      }
    }
    if (now - lastRetentionAt >= RETENTION_EVERY_MS) {
      lastRetentionAt = now;
      const before = new Date(now - retentionDays * 24 * 60 * 60 * 1000).toISOString();
      void openDb()
        .then((db) => deleteFreshnessBefore(db, before))
        .catch((error) => console.error(`Tributary could not remove old freshness samples: ${(error as Error).message}`));
    }

    const probeable = new Map<string, CollectedSupervisor>(collection.supervisors.filter((s) => s.spec !== null).map((s) => [s.id, s]));
    const schedule = [...probeable.values()].map((s) => ({ id: s.id, running: s.status?.state === 'RUNNING' && s.status.suspended !== true }));
    for (const id of dueForProbe(schedule, lastProbeAt, inFlight, now, intervalMs, PROBE_SLOTS - inFlight.size)) {
      lastProbeAt.set(id, now);
      inFlight.add(id);
      void Promise.resolve()
        .then(() => probe({ id, spec: probeable.get(id)!.spec }))
        .catch((error) => console.error(`Tributary's freshness probe of supervisor ${id} failed: ${(error as Error).message}`))
        .finally(() => inFlight.delete(id));
    }
  };
}

/** The process's freshness probes, for the collector's hooks. */
export const freshnessAfterCollect: AfterCollect = freshnessScheduler();

/** GET /api/supervisors/{id}/freshness: the last hour's samples and figures, with what limits them. */
export async function supervisorFreshness(id: string, now = Date.now()): Promise<FreshnessResponse> {
  const { db } = await store();
  const rows = await findFreshnessSamples(db, id, new Date(now - FRESHNESS_WINDOW_MS).toISOString());
  const samples = rows.map((row) => ({ time: row.at, freshnessMs: row.freshnessMs, seen: row.seen === 1 }));
  const latest = rows.at(-1);
  const skip = skipNotes.get(id);
  const latestNote = latest?.detail ? (JSON.parse(latest.detail) as Partial<ProbeDetail>).note : undefined;
  const note =
    skip && (!latest || skip.at > Date.parse(latest.at))
      ? `The latest probe measured nothing: ${skip.note}`
      : (latestNote ??
        (rows.length === 0 ? `No probe has measured this supervisor in the last hour: a probe runs every ${getConfig().monitoring.freshnessIntervalMs / 1000} s for each RUNNING supervisor, on the instance that collects` : null));
  return summarizeFreshness(id, samples, now, note);
}
