// Freshness probes' samples in the store: one row per probe that measured something, kept as long
// as the metrics history.
import type { Kysely } from 'kysely';
import type { FreshnessRow, StoreTables } from './schema';

type Db = Kysely<StoreTables>;

export async function insertFreshnessSample(db: Db, sample: FreshnessRow): Promise<void> {
  // Two probes of one supervisor cannot end in the same millisecond unless one is repeated: keep the first.
  await db
    .insertInto('freshnessSamples')
    .values(sample)
    .onConflict((conflict) => conflict.columns(['supervisorId', 'at']).doNothing())
    .execute();
}

/** One supervisor's samples since `since` (ISO), oldest first. */
export async function findFreshnessSamples(db: Db, supervisorId: string, since: string): Promise<FreshnessRow[]> {
  return db.selectFrom('freshnessSamples').selectAll().where('supervisorId', '=', supervisorId).where('at', '>=', since).orderBy('at', 'asc').execute();
}

/** The time of each supervisor's latest sample (ISO): where probes resume after a restart or a change of collector. */
export async function latestFreshnessTimes(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('freshnessSamples').select(['supervisorId']).select((eb) => eb.fn.max('at').as('at')).groupBy('supervisorId').execute();
  return new Map(rows.map((row) => [row.supervisorId, String(row.at)]));
}

/** Deletes samples older than `before` (ISO); returns how many went. */
export async function deleteFreshnessBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('freshnessSamples').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
