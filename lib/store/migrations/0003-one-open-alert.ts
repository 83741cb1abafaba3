// At most one open alert per rule and supervisor, kept by the database itself: two instances that
// both evaluate a round (a lease changing hands mid-round) cannot both record the same alert firing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A partial unique index: SQLite and PostgreSQL both have them, and both accept it as an ON CONFLICT target.
  await sql`CREATE UNIQUE INDEX alert_events_one_open ON alert_events (rule_id, supervisor_id) WHERE resolved_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alert_events_one_open').execute();
}
