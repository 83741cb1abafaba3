// What differs between the two databases in a migration: how a table numbers its rows.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer key the database assigns in increasing order: an identity column, or SQLite's rowid. */
export function identityKey(db: Kysely<unknown>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db) ? (column) => column.primaryKey().generatedByDefaultAsIdentity() : (column) => column.primaryKey().autoIncrement();
}
