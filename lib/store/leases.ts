// Leases: a name held by one holder until it is released or expires, in the store every app
// instance shares. One supervisor's submits take turns under one, so two instances answering
// the same double click cannot both create the supervisor.
import type { Kysely } from 'kysely';
import type { StoreTables } from './schema';

type Db = Kysely<StoreTables>;

/** Takes the lease when it is free or its holder let it expire; true when this holder has it. */
export async function tryAcquireLease(db: Db, name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  await db.deleteFrom('leases').where('name', '=', name).where('expiresAt', '<', new Date(now).toISOString()).execute();
  const inserted = await db
    .insertInto('leases')
    .values({ name, holder, expiresAt: new Date(now + ttlMs).toISOString() })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Extends a lease this holder has; false when it has lost it (expired and taken by another). */
export async function renewLease(db: Db, name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const updated = await db
    .updateTable('leases')
    .set({ expiresAt: new Date(now + ttlMs).toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .where('expiresAt', '>=', new Date(now).toISOString())
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Keeps the lease while held, takes it when free: true when this holder has it for the next ttlMs. */
export async function holdLease(db: Db, name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  return (await renewLease(db, name, holder, ttlMs, now)) || tryAcquireLease(db, name, holder, ttlMs, now);
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

export class LeaseWaitError extends Error {
  constructor(readonly name: string) {
    super(`The lease "${name}" stayed taken`);
    this.name = 'LeaseWaitError';
  }
}

export interface LeaseOptions {
  /** How long the lease lasts if its holder never releases it (a crashed instance). */
  readonly ttlMs: number;
  /** How often to ask again while another holder has it. */
  readonly pollMs?: number;
  /** Stops waiting; the wait then fails with LeaseWaitError. */
  readonly signal?: AbortSignal;
}

/** Runs `work` while holding the lease, waiting for it as long as `signal` allows. */
export async function withLease<T>(db: Db, name: string, holder: string, options: LeaseOptions, work: () => Promise<T>): Promise<T> {
  while (!(await tryAcquireLease(db, name, holder, options.ttlMs))) {
    if (options.signal?.aborted) throw new LeaseWaitError(name);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  try {
    return await work();
  } finally {
    await releaseLease(db, name, holder);
  }
}
