// The two stores Tributary supports, for tests that must pass on both: a SQLite file in a fresh
// folder and a throwaway PostgreSQL, each opened (and migrated) once per describe block.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { StoreLocation } from '../../config/config';
import { openStore, type Store } from '../database';
import { startThrowawayPostgres } from './postgres';

export interface StoreBackend {
  readonly name: 'SQLite' | 'PostgreSQL';
  start(): Promise<{ location: StoreLocation; stop: () => Promise<void> }>;
}

export const STORE_BACKENDS: readonly StoreBackend[] = [
  {
    name: 'SQLite',
    start: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'tributary-store-'));
      return { location: { kind: 'sqlite', file: path.join(dir, 'tributary.db') }, stop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const postgres = await startThrowawayPostgres();
      return { location: { kind: 'postgres', url: postgres.url }, stop: postgres.stop };
    },
  },
];

/** Opens the backend's store before the block's tests and removes it after; `opened` gets it. */
export function withStoreOf(backend: StoreBackend, opened: (store: Store, location: StoreLocation) => void): void {
  let store: Store | undefined;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await backend.start();
    stop = started.stop;
    store = await openStore(started.location);
    opened(store, started.location);
  });
  afterAll(async () => {
    await store?.close();
    await stop?.();
  });
}
