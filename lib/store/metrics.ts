// Supervisor history: the collector's samples (step 0) and their 1-minute and 10-minute
// aggregates, written once (a second write of the same sample changes nothing), folded into the
// coarser resolution as they age and deleted past their resolution's keep.
import type { Kysely } from 'kysely';
import { bucketStartMs, downsampleRows, finerStepOf, keepMsOf, METRIC_RESOLUTIONS, type MetricStep } from '../operate/metrics-history';
import type { MetricsRow, StoreTables } from './schema';

type Db = Kysely<StoreTables>;

/** Rows per INSERT: 17 columns each stays well under SQLite's limit of bound values. */
const INSERT_BATCH = 500;
/** Rows a downsampling pass reads at once, bounded by time so a long backlog never sits in memory whole. */
const DOWNSAMPLE_WINDOW_MS: Readonly<Record<60 | 600, number>> = { 60: 3_600_000, 600: 6 * 3_600_000 };

const iso = (ms: number) => new Date(ms).toISOString();

/** Stores samples; one already stored (same supervisor, step and time) is left as it is. */
export async function insertMetrics(db: Db, rows: readonly MetricsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('supervisorMetrics')
      .values(rows.slice(i, i + INSERT_BATCH))
      .onConflict((conflict) => conflict.columns(['supervisorId', 'stepS', 'at']).doNothing())
      .execute();
  }
}

function selectRange(db: Db, supervisorId: string, stepS: MetricStep, sinceIso: string, untilIso: string) {
  return db
    .selectFrom('supervisorMetrics')
    .selectAll()
    .where('supervisorId', '=', supervisorId)
    .where('stepS', '=', stepS)
    .where('at', '>=', sinceIso)
    .where('at', '<', untilIso)
    .orderBy('at', 'asc')
    .execute();
}

/**
 * One supervisor's rows in [since, until) at `stepS`, oldest first. The newest minutes not yet
 * folded into that resolution are folded here from the finer one, so a day's chart reaches now.
 */
export async function readMetrics(db: Db, supervisorId: string, range: { readonly since: string; readonly until: string; readonly stepS: MetricStep }): Promise<MetricsRow[]> {
  const rows = await selectRange(db, supervisorId, range.stepS, range.since, range.until);
  if (range.stepS === 0) return rows;
  const last = rows.at(-1);
  const tailSince = last ? iso(Date.parse(last.at) + range.stepS * 1000) : range.since;
  if (tailSince >= range.until) return rows;
  const tail = await readMetrics(db, supervisorId, { since: tailSince, until: range.until, stepS: finerStepOf(range.stepS) });
  return [...rows, ...downsampleRows(tail, range.stepS)];
}

export interface LagSample {
  readonly supervisorId: string;
  readonly at: string;
  readonly totalLag: string;
}

/** Every supervisor's lag samples since `sinceIso`, in one query: what the dashboard's sparklines draw. */
export async function readLagSamples(db: Db, sinceIso: string): Promise<LagSample[]> {
  const rows = await db
    .selectFrom('supervisorMetrics')
    .select(['supervisorId', 'at', 'totalLag'])
    .where('stepS', '=', 0)
    .where('at', '>=', sinceIso)
    .where('totalLag', 'is not', null)
    .orderBy('supervisorId')
    .orderBy('at')
    .execute();
  return rows as LagSample[];
}

export interface MaintenanceResult {
  /** Aggregate rows written, per step. */
  readonly written: Readonly<Record<string, number>>;
  /** Rows deleted past their keep, per step. */
  readonly deleted: Readonly<Record<string, number>>;
}

/**
 * Folds complete buckets into 1-minute, then 10-minute rows, starting after the newest bucket already
 * folded. A bucket is complete once `graceMs` has passed since its end, time for a round that began
 * inside it to be stored.
 */
async function downsample(db: Db, stepS: 60 | 600, nowMs: number, graceMs: number): Promise<number> {
  const source = finerStepOf(stepS);
  const newest = await db.selectFrom('supervisorMetrics').select((eb) => eb.fn.max('at').as('at')).where('stepS', '=', stepS).executeTakeFirst();
  const until = bucketStartMs(nowMs - graceMs, stepS);
  let written = 0;
  for (let start = newest?.at ? Date.parse(newest.at) + stepS * 1000 : 0; start < until; ) {
    // Skips a stretch with nothing to fold (no instance collected) in one step.
    const next = await db.selectFrom('supervisorMetrics').select((eb) => eb.fn.min('at').as('at')).where('stepS', '=', source).where('at', '>=', iso(start)).where('at', '<', iso(until)).executeTakeFirst();
    if (!next?.at) break;
    start = bucketStartMs(Date.parse(next.at), stepS);
    const end = Math.min(until, start + DOWNSAMPLE_WINDOW_MS[stepS]);
    const rows = await db.selectFrom('supervisorMetrics').selectAll().where('stepS', '=', source).where('at', '>=', iso(start)).where('at', '<', iso(end)).execute();
    const folded = downsampleRows(rows, stepS);
    await insertMetrics(db, folded);
    written += folded.length;
    start = end;
  }
  return written;
}

/** Downsamples what has aged, then deletes each resolution past its keep (the retention caps them all). */
export async function maintainMetrics(db: Db, options: { readonly nowMs: number; readonly retentionDays: number; readonly graceMs: number }): Promise<MaintenanceResult> {
  const written: Record<string, number> = {};
  for (const stepS of [60, 600] as const) written[stepS] = await downsample(db, stepS, options.nowMs, options.graceMs);
  const deleted: Record<string, number> = {};
  for (const { stepS } of METRIC_RESOLUTIONS) {
    const before = iso(options.nowMs - keepMsOf(stepS, options.retentionDays));
    const result = await db.deleteFrom('supervisorMetrics').where('stepS', '=', stepS).where('at', '<', before).executeTakeFirst();
    deleted[stepS] = Number(result.numDeletedRows);
  }
  return { written, deleted };
}
