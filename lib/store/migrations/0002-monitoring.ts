// What the collector keeps: each supervisor's samples at several resolutions, freshness probes,
// the alert rules (one document) and every alert that fired.
import type { Kysely } from 'kysely';
import { identityKey } from './dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervisor_metrics')
    .addColumn('supervisor_id', 'text', (column) => column.notNull())
    // 0 for the collector's own samples, else the seconds each averaged sample covers.
    .addColumn('step_s', 'integer', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('state', 'text')
    .addColumn('healthy', 'integer')
    // Offsets and lags are exact decimal strings: they can pass 2^53.
    .addColumn('total_lag', 'text')
    .addColumn('max_time_lag_ms', 'double precision')
    .addColumn('processed_per_sec', 'double precision')
    .addColumn('unparseable_per_sec', 'double precision')
    .addColumn('thrown_away_per_sec', 'double precision')
    .addColumn('with_error_per_sec', 'double precision')
    .addColumn('produced_per_sec', 'double precision')
    .addColumn('consumed_per_sec', 'double precision')
    .addColumn('tasks', 'integer')
    .addColumn('failed_tasks', 'integer')
    // JSON: per-partition offsets and lags, kept on the collector's own samples only.
    .addColumn('partitions', 'text')
    .addPrimaryKeyConstraint('supervisor_metrics_key', ['supervisor_id', 'step_s', 'at'])
    .execute();
  await db.schema.createIndex('supervisor_metrics_step_at').on('supervisor_metrics').columns(['step_s', 'at']).execute();

  await db.schema
    .createTable('freshness_samples')
    .addColumn('supervisor_id', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    // From the message's Kafka timestamp to the moment a query found it, or to when the probe gave up.
    .addColumn('freshness_ms', 'double precision', (column) => column.notNull())
    .addColumn('seen', 'integer', (column) => column.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('freshness_samples_key', ['supervisor_id', 'at'])
    .execute();

  await db.schema
    .createTable('alert_rules')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'integer', identityKey(db))
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('supervisor_id', 'text', (column) => column.notNull())
    .addColumn('fired_at', 'text', (column) => column.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('message', 'text', (column) => column.notNull())
    // JSON: the figures that made the rule fire.
    .addColumn('detail', 'text')
    .addColumn('notified_at', 'text')
    .addColumn('resolve_notified_at', 'text')
    .addColumn('delivery_error', 'text')
    .execute();
  await db.schema.createIndex('alert_events_open').on('alert_events').columns(['resolved_at', 'rule_id', 'supervisor_id']).execute();
  await db.schema.createIndex('alert_events_fired').on('alert_events').column('fired_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_events').execute();
  await db.schema.dropTable('alert_rules').execute();
  await db.schema.dropTable('freshness_samples').execute();
  await db.schema.dropTable('supervisor_metrics').execute();
}
