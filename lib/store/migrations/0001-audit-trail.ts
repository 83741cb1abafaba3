// The audit trail and the leases that serialize one supervisor's submits across app instances.
import type { Kysely } from 'kysely';
import { identityKey } from './dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_entries')
    .addColumn('id', 'integer', identityKey(db))
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('user_name', 'text')
    .addColumn('role', 'text')
    .addColumn('via', 'text')
    .addColumn('client_address', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('supervisor_id', 'text')
    .addColumn('spec_hash', 'text')
    .addColumn('changes', 'text')
    .addColumn('druid_status', 'integer')
    .addColumn('druid_answer', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('detail', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  // The Audit page filters by one of these and reads newest first.
  await db.schema.createIndex('audit_entries_at').on('audit_entries').column('at').execute();
  await db.schema.createIndex('audit_entries_supervisor').on('audit_entries').columns(['supervisor_id', 'id']).execute();
  await db.schema.createIndex('audit_entries_user').on('audit_entries').columns(['user_name', 'id']).execute();
  await db.schema.createIndex('audit_entries_action').on('audit_entries').columns(['action', 'id']).execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('holder', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leases').execute();
  await db.schema.dropTable('audit_entries').execute();
}
