// Opens Tributary's store and brings its tables up to date: a SQLite file by default, PostgreSQL
// when DATABASE_URL names one. Kysely speaks both, so every query in lib/store is written once.
import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResult } from 'kysely';
import type { StoreLocation } from '../config/config';
import type { ApiErrorInfo, ApiErrorSource } from '../http/api-error';
import { MIGRATIONS } from './migrations';
import type { StoreTables } from './schema';

export interface Store {
  readonly db: Kysely<StoreTables>;
  readonly kind: StoreLocation['kind'];
  /** Where the store is, fit to show (no password). */
  readonly where: string;
  close(): Promise<void>;
}

/** The store could not be opened, migrated or used; routes answer 503 with the reason. */
export class StoreError extends Error implements ApiErrorSource {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }

  toApiError(): ApiErrorInfo {
    return { status: 503, code: 'store_unavailable', message: this.message };
  }
}

/** How long a SQLite writer waits for another process's write to finish before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;
const POSTGRES_POOL_SIZE = 10;
const MIGRATION_TABLE = 'tributary_migrations';

export function describeLocation(location: StoreLocation): string {
  if (location.kind === 'sqlite') return `SQLite file ${path.resolve(location.file)}`;
  try {
    const url = new URL(location.url);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

async function connect(location: StoreLocation): Promise<Kysely<unknown>> {
  if (location.kind === 'sqlite') {
    await mkdir(path.dirname(path.resolve(location.file)), { recursive: true });
    const { default: Database } = await import('better-sqlite3');
    const database = new Database(location.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    // WAL: readers (the Audit page) never wait for a writer, and several processes may share the file.
    database.pragma('journal_mode = WAL');
    return new Kysely({ dialect: new SqliteDialect({ database }) });
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: location.url, max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // An idle connection the server drops must not take the process down; the next query reconnects.
  pool.on('error', (error) => console.error(`Tributary's store lost an idle PostgreSQL connection: ${error.message}`));
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** Runs the migrations this store has not run yet; running it again changes nothing. */
export async function migrate<DB>(db: Kysely<DB>): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  // Kysely takes a lock for this, so instances starting together migrate once.
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`${failed ? `migration ${failed} failed: ` : ''}${(error as Error).message ?? String(error)}`, { cause: error });
  }
  return results ?? [];
}

/** Opens the store and migrates it. Fails with a StoreError naming where the store is and why. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const where = describeLocation(location);
  let db: Kysely<unknown> | undefined;
  try {
    db = await connect(location);
    await migrate(db);
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    throw new StoreError(`Tributary's store (${where}) could not be opened: ${(error as Error).message}`, { cause: error });
  }
  const opened = db;
  return { db: opened.withPlugin(new CamelCasePlugin()) as Kysely<StoreTables>, kind: location.kind, where, close: () => opened.destroy() };
}
