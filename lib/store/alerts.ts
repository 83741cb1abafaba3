// Alerts in the store: the rules document (one row), every alert that fired (open while
// resolvedAt is null) with what its delivery to the webhooks did, and the collector's recent
// samples of every supervisor, which the evaluation reads in one query.
import type { Kysely } from 'kysely';
import type { AlertEventRow, MetricsRow, NewAlertEventRow, StoreTables } from './schema';

type Db = Kysely<StoreTables>;

const RULES_NAME = 'rules';

export interface StoredRules {
  /** The document as JSON text, as it was saved. */
  readonly body: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** The saved rules document; undefined while nobody has saved one (the defaults apply). */
export async function readAlertRules(db: Db): Promise<StoredRules | undefined> {
  return db.selectFrom('alertRules').select(['body', 'updatedAt', 'updatedBy']).where('name', '=', RULES_NAME).executeTakeFirst();
}

export async function saveAlertRules(db: Db, rules: StoredRules): Promise<void> {
  await db
    .insertInto('alertRules')
    .values({ name: RULES_NAME, ...rules })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ body: rules.body, updatedAt: rules.updatedAt, updatedBy: rules.updatedBy }))
    .execute();
}

export async function openAlertEvents(db: Db): Promise<AlertEventRow[]> {
  return db.selectFrom('alertEvents').selectAll().where('resolvedAt', 'is', null).orderBy('firedAt', 'asc').orderBy('id', 'asc').execute();
}

/** Resolved alerts, the most recently resolved first. */
export async function recentAlertEvents(db: Db, limit: number): Promise<AlertEventRow[]> {
  return db.selectFrom('alertEvents').selectAll().where('resolvedAt', 'is not', null).orderBy('resolvedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Records an alert that starts firing, unless the same rule already fires for the supervisor:
 * the id of the new event, or undefined when one was open already. The store's unique index on
 * open alerts decides, so callers racing each other get one event between them.
 */
export async function openAlertEvent(db: Db, event: NewAlertEventRow): Promise<number | undefined> {
  const inserted = await db
    .insertInto('alertEvents')
    .values({ ...event, resolvedAt: null })
    .onConflict((conflict) => conflict.columns(['ruleId', 'supervisorId']).where('resolvedAt', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted === undefined ? undefined : Number(inserted.id);
}

/** Resolves an open alert, its detail now saying how it ended; false when it was resolved already (so only one caller notifies). */
export async function resolveAlertEvent(db: Db, id: number, resolvedAt: string, detail: string | null): Promise<boolean> {
  const updated = await db.updateTable('alertEvents').set({ resolvedAt, detail }).where('id', '=', id).where('resolvedAt', 'is', null).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** What delivering a firing or resolved notice did: when it reached the webhooks, or why not. */
export async function recordAlertDelivery(db: Db, id: number, status: 'firing' | 'resolved', outcome: { readonly at: string; readonly error: string | null }): Promise<void> {
  const at = outcome.error === null ? outcome.at : null;
  await db
    .updateTable('alertEvents')
    .set(status === 'firing' ? { notifiedAt: at, deliveryError: outcome.error } : { resolveNotifiedAt: at, deliveryError: outcome.error })
    .where('id', '=', id)
    .execute();
}

/** Every supervisor's collector samples (step 0) at or after `sinceIso`, oldest first. */
export async function readRecentSamples(db: Db, sinceIso: string): Promise<MetricsRow[]> {
  return db.selectFrom('supervisorMetrics').selectAll().where('stepS', '=', 0).where('at', '>=', sinceIso).orderBy('supervisorId').orderBy('at', 'asc').execute();
}
