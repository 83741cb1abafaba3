// The audit trail's rows: written once per request, updated when its outcome is known, read
// newest first a page at a time, or all of them in order for an export.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { AuditRow, AuditRowUpdate, NewAuditRow, StoreTables } from './schema';

export interface AuditFilter {
  readonly user?: string;
  readonly supervisorId?: string;
  readonly action?: string;
  readonly outcome?: string;
  /** ISO-8601 UTC; entries at or after it. */
  readonly from?: string;
  /** ISO-8601 UTC; entries before it. */
  readonly to?: string;
}

export interface AuditRowPage {
  readonly rows: readonly AuditRow[];
  /** Entries matching the filter, on every page. */
  readonly total: number;
  /** Pass as `before` for the next (older) page; null on the last one. */
  readonly nextBefore: number | null;
}

type Db = Kysely<StoreTables>;

function matching(filter: AuditFilter) {
  return (eb: ExpressionBuilder<StoreTables, 'auditEntries'>) => {
    const conditions = [];
    if (filter.user !== undefined) conditions.push(eb('userName', '=', filter.user));
    if (filter.supervisorId !== undefined) conditions.push(eb('supervisorId', '=', filter.supervisorId));
    if (filter.action !== undefined) conditions.push(eb('action', '=', filter.action));
    if (filter.outcome !== undefined) conditions.push(eb('outcome', '=', filter.outcome));
    if (filter.from !== undefined) conditions.push(eb('at', '>=', filter.from));
    if (filter.to !== undefined) conditions.push(eb('at', '<', filter.to));
    return eb.and(conditions);
  };
}

export async function insertAuditRow(db: Db, row: NewAuditRow): Promise<number> {
  const { id } = await db.insertInto('auditEntries').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateAuditRow(db: Db, id: number, update: AuditRowUpdate): Promise<void> {
  await db.updateTable('auditEntries').set(update).where('id', '=', id).execute();
}

export async function readAuditRow(db: Db, id: number): Promise<AuditRow | undefined> {
  return db.selectFrom('auditEntries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One page, newest first; `before` is the id the previous page ended at. */
export async function findAuditRows(db: Db, filter: AuditFilter, page: { readonly limit: number; readonly before?: number }): Promise<AuditRowPage> {
  let query = db.selectFrom('auditEntries').selectAll().where(matching(filter));
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  // One more than asked says whether an older page exists.
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { total } = await db
    .selectFrom('auditEntries')
    .select((eb) => eb.fn.countAll().as('total'))
    .where(matching(filter))
    .executeTakeFirstOrThrow();
  const shown = rows.slice(0, page.limit);
  return { rows: shown, total: Number(total), nextBefore: rows.length > page.limit ? shown[shown.length - 1].id : null };
}

/** Every matching entry, oldest first, read in batches so an export never holds the trail in memory. */
export async function* eachAuditRow(db: Db, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const batch = await db.selectFrom('auditEntries').selectAll().where(matching(filter)).where('id', '>', after).orderBy('id', 'asc').limit(batchSize).execute();
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}
