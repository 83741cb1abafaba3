// Every migration, in order. Listed here rather than read from the folder, so the app's bundle
// carries them: Kysely's Migrator runs the ones a store has not run yet, by name.
import type { Migration } from 'kysely';
import * as auditTrail from './0001-audit-trail';
import * as monitoring from './0002-monitoring';
import * as oneOpenAlert from './0003-one-open-alert';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-audit-trail': auditTrail,
  '0002-monitoring': monitoring,
  '0003-one-open-alert': oneOpenAlert,
};
