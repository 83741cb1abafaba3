// Ranks every column that could be the event time, and the Kafka record time, with the
// evidence behind each score: share of values that parse, plausibility against now and
// against the Kafka record times, spread and order. A column that merely looks like time
// (a constant build date, a registration date years back) scores low on spread or on its
// agreement with the Kafka record times, so the real event time wins. A field that is a
// plausible time in every message beats the Kafka record time however far from it: back-filled
// history is written to Kafka days after it happened, and its event time is the field.
import type { TimestampCandidate } from '../model';
import { describeDuration, describeFormat, percent } from './describe';
import { formatsToTry, parseFractionalSeconds, parseTimestampValue } from './formats';
import { looksLikeIdentifier } from '../types';

export const KAFKA_TIMESTAMP_COLUMN = 'kafka.timestamp';
/** The score the Kafka record time gets; a column must beat it to be the event time. */
export const KAFKA_TIME_SCORE = 0.5;
/** Only this many rows are parsed per format, enough to judge and cheap for wide samples. */
const ROWS_TO_JUDGE = 2000;
const PROBE_ROWS = 50;
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
const FUTURE_TOLERANCE_MS = 86_400_000;

/** Words that name an event time, in the languages of the topics we see (en, de, es, ru, vi, zh). */
const EVENT_TIME_WORDS = new Set([
  'time', 'timestamp', 'ts', 'tstamp', 'datetime', 'date', 'eventtime', 'occurred', 'logged', 'when', 'at', 't',
  'datum', 'zeit', 'fecha', 'hora', 'дата', 'время', 'thoigian', 'ngay', 'thoi', 'gian', '时间', '日期', '时间戳',
]);
const SECONDARY_TIME_NAME = /(_at|At|_on|_date|Date|_time|_ts|_us|_ms|_ns)$/;
const NOT_EVENT_TIME_NAME = /(regist|signup|sign_up|birth|dob|build|release|expir|expires|valid_(from|until)|since|start_date|end_date|created|joined|published)/i;

export interface CandidateInput {
  readonly name: string;
  readonly path: string;
  readonly values: readonly unknown[];
}

interface Judged {
  readonly times: (number | null)[];
  readonly parsed: number;
}

function judge(values: readonly unknown[], format: string, limit: number): Judged {
  const times: (number | null)[] = new Array(limit);
  let parsed = 0;
  for (let i = 0; i < limit; i++) {
    const t = format === 'fractional-seconds' ? parseFractionalSeconds(values[i]) : parseTimestampValue(values[i], format);
    times[i] = t === null || !Number.isFinite(t) ? null : t;
    if (times[i] !== null) parsed++;
  }
  return { times, parsed };
}

function median(sorted: number[]): number {
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function nameFactor(name: string): number {
  const last = name.split(/[.]/).pop() ?? name;
  // An identifier whose digits happen to fall in the epoch range is not a time.
  if (looksLikeIdentifier(last)) return 0.4;
  if (NOT_EVENT_TIME_NAME.test(last)) return 0.6;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  if (words.some((word) => EVENT_TIME_WORDS.has(word))) return 1;
  if (SECONDARY_TIME_NAME.test(last)) return 0.9;
  return 0.75;
}

/** How well times follow the Kafka record times: 1 when they rise and fall together. */
function concordance(times: (number | null)[], kafka: readonly number[]): number | null {
  const order = times.map((_, i) => i).filter((i) => times[i] !== null).sort((a, b) => kafka[a] - kafka[b]);
  let agree = 0, total = 0;
  for (let k = 1; k < order.length; k++) {
    const dk = kafka[order[k]] - kafka[order[k - 1]];
    const dt = (times[order[k]] as number) - (times[order[k - 1]] as number);
    if (dk === 0 || dt === 0) continue;
    total++;
    if (dk > 0 === dt > 0) agree++;
  }
  return total >= 3 ? agree / total : null;
}

function lagFactor(lagMs: number): number {
  if (lagMs <= 10 * 60_000) return 1;
  if (lagMs <= 3_600_000) return 0.9;
  if (lagMs <= 86_400_000) return 0.7;
  if (lagMs <= 30 * 86_400_000) return 0.4;
  return 0.15;
}

function scoreFormat(
  column: CandidateInput,
  format: string,
  limit: number,
  kafkaTimes: readonly number[] | undefined,
  now: number,
  schemaHint: string | undefined,
): TimestampCandidate | null {
  const { times, parsed } = judge(column.values, format, limit);
  if (parsed === 0) return null;
  const valid: number[] = [];
  let plausible = 0, ordered = 0, pairs = 0, previous: number | null = null;
  const distinct = new Set<number>();
  for (const t of times) {
    if (t === null) continue;
    valid.push(t);
    distinct.add(t);
    if (t >= EARLIEST_PLAUSIBLE_MS && t <= now + FUTURE_TOLERANCE_MS) plausible++;
    if (previous !== null) {
      pairs++;
      if (t >= previous) ordered++;
    }
    previous = t;
  }
  const parseRate = parsed / limit;
  const plausibleRate = plausible / parsed;
  const minMs = Math.min(...valid);
  const maxMs = Math.max(...valid);
  const spreadFactor = distinct.size === 1 && parsed > 2 ? 0.1 : isDateOnly(format) ? 0.7 : 1;
  let kafkaFactor = 1;
  let medianKafkaLagMs: number | null = null;
  let agreement: number | null = null;
  if (kafkaTimes) {
    const lags = times.flatMap((t, i) => (t === null ? [] : [Math.abs(t - kafkaTimes[i])])).sort((a, b) => a - b);
    medianKafkaLagMs = median(lags);
    agreement = concordance(times, kafkaTimes);
    // Replayed history sits far from its Kafka time but still follows its order.
    kafkaFactor = Math.max(lagFactor(medianKafkaLagMs), agreement === null ? 0 : 0.8 * agreement ** 3);
  } else if (pairs > 0) {
    // Without Kafka times, order is the evidence left: event times mostly rise message by message.
    kafkaFactor = 0.6 + 0.4 * (ordered / pairs);
  }
  // A schema that says "this is the event time" (Connect Timestamp, Debezium source.ts_ms) outweighs the name.
  const naming = schemaHint ? 1.2 : nameFactor(column.name);
  const evidence = Math.min(1, parseRate * plausibleRate * spreadFactor * kafkaFactor * naming);
  // Every message carries it as a plausible, varying time, and neither its name nor its digits say it is something else.
  const fullCoverage = parseRate === 1 && plausibleRate === 1 && distinct.size > 1 && naming >= 0.75;
  const score = fullCoverage ? KAFKA_TIME_SCORE + (1 - KAFKA_TIME_SCORE) * evidence : evidence;
  const fractional = format === 'fractional-seconds';
  const reasons = schemaHint ? [schemaHint, `${percent(parseRate)} parse`] : [`${percent(parseRate)} parse`];
  if (plausibleRate < 1) reasons.push(`${percent(1 - plausibleRate)} implausible (before 1990 or in the future)`);
  if (distinct.size === 1 && parsed > 2) reasons.push('the same value in every message');
  else reasons.push(`spans ${describeDuration(maxMs - minMs)}`);
  if (medianKafkaLagMs !== null) reasons.push(`median ${describeDuration(medianKafkaLagMs)} from the Kafka record time`);
  if (agreement !== null && agreement < 0.7) reasons.push('does not follow the Kafka record order');
  if (pairs > 0 && ordered / pairs > 0.95) reasons.push('in order');
  if (naming < 0.7) reasons.push('the name suggests a date other than the event time');
  if (fullCoverage && evidence <= KAFKA_TIME_SCORE && kafkaTimes) reasons.push('a time in every message, so the event time rather than the Kafka record time');
  return {
    column: column.name,
    path: column.path || undefined,
    format: fractional ? 'posix' : format,
    fractionalSeconds: fractional || undefined,
    score: Math.round(score * 1000) / 1000,
    parseRate,
    why: `${describeFormat(format === 'fractional-seconds' ? 'posix' : format, fractional)}: ${reasons.join(', ')}`,
    evidence: { parsed, total: limit, distinct: distinct.size, minMs, maxMs, medianKafkaLagMs, ordered: pairs ? ordered / pairs : 1 },
  };
}

function isDateOnly(format: string): boolean {
  return format === 'yyyy-MM-dd' || format === 'dd.MM.yyyy' || format === 'MM/dd/yyyy' || format === 'yyyyMMdd';
}

function formatsForColumn(values: readonly unknown[], limit: number): string[] {
  const votes = new Map<string, number>();
  let looked = 0;
  for (let i = 0; i < limit && looked < 25; i++) {
    const value = values[i];
    if (value === undefined || value === null || value === '') continue;
    looked++;
    for (const format of formatsToTry(value)) votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  return [...votes].filter(([, count]) => count >= looked / 2).map(([format]) => format);
}

function kafkaCandidate(kafkaTimes: readonly number[] | undefined, rows: number): TimestampCandidate {
  if (!kafkaTimes || kafkaTimes.length === 0) {
    return {
      column: KAFKA_TIMESTAMP_COLUMN, format: 'millis', score: KAFKA_TIME_SCORE, parseRate: 0,
      why: 'Kafka record time: used when no field in the value reads as the event time (the sample has no Kafka times to check)',
      evidence: { parsed: 0, total: rows, distinct: 0, minMs: null, maxMs: null, medianKafkaLagMs: null, ordered: 1 },
    };
  }
  const minMs = Math.min(...kafkaTimes);
  const maxMs = Math.max(...kafkaTimes);
  return {
    column: KAFKA_TIMESTAMP_COLUMN, format: 'millis', score: KAFKA_TIME_SCORE, parseRate: 1,
    why: `Kafka record time: present on every record, spans ${describeDuration(maxMs - minMs)}; the event time when the value carries none`,
    evidence: { parsed: kafkaTimes.length, total: kafkaTimes.length, distinct: new Set(kafkaTimes).size, minMs, maxMs, medianKafkaLagMs: 0, ordered: 1 },
  };
}

/** Every candidate, best first. `kafkaTimes` is aligned with the columns' values. */
export function rankTimestampCandidates(
  columns: readonly CandidateInput[],
  kafkaTimes: readonly number[] | undefined,
  now: number,
  schemaHints: ReadonlyMap<string, string> = new Map(),
): TimestampCandidate[] {
  const candidates: TimestampCandidate[] = [kafkaCandidate(kafkaTimes, columns[0]?.values.length ?? 0)];
  for (const column of columns) {
    const limit = Math.min(column.values.length, ROWS_TO_JUDGE);
    let best: TimestampCandidate | null = null;
    for (const format of formatsForColumn(column.values, limit)) {
      // Judge a few values first: a format that reads none of them as a plausible time is dropped cheaply.
      const probe = scoreFormat(column, format, Math.min(limit, PROBE_ROWS), kafkaTimes, now, schemaHints.get(column.name));
      if (!probe || probe.score === 0) continue;
      const scored = limit <= PROBE_ROWS ? probe : scoreFormat(column, format, limit, kafkaTimes, now, schemaHints.get(column.name));
      if (scored && (!best || scored.score > best.score)) best = scored;
    }
    if (best && best.score > 0 && (best.score > 0.05 || best.parseRate >= 0.5)) candidates.push(best);
  }
  return candidates.sort((a, b) => b.score - a.score);
}
