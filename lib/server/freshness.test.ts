// When the probes run after the collector's rounds: RUNNING supervisors, each once per interval,
// two at a time, never holding the round up; old samples go with the retention.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SupervisorStatusPayload } from '@/lib/druid';
import { openStore, type Store } from '@/lib/store';
import { findFreshnessSamples, insertFreshnessSample } from '@/lib/store/freshness';
import type { CollectedSupervisor, Collection } from './collected';
import { freshnessScheduler, type ProbeTarget } from './freshness';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tributary-freshness-'));
  store = await openStore({ kind: 'sqlite', file: path.join(dir, 'tributary.db') });
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const supervisor = (id: string, state: string): CollectedSupervisor => ({
  id,
  datasource: id,
  topic: id,
  spec: { type: 'kafka', spec: { dataSchema: { dataSource: id }, ioConfig: { topic: id } } },
  status: { dataSource: id, state, detailedState: state, healthy: true, suspended: state === 'SUSPENDED' } as SupervisorStatusPayload,
  lag: null,
  point: {
    time: '',
    state,
    healthy: true,
    totalLag: '0',
    maxTimeLagMs: 0,
    processedPerSec: null,
    unparseablePerSec: null,
    thrownAwayPerSec: null,
    processedWithErrorPerSec: null,
    producedPerSec: null,
    consumedPerSec: null,
    tasks: 1,
    failedTasks: 0,
  },
});

const round = (at: number, ...supervisors: CollectedSupervisor[]): Collection => ({ at, supervisors });

/** A probe that runs until the test lets it end. */
function heldProbes() {
  const started: string[] = [];
  const finish = new Map<string, (fail?: Error) => void>();
  const probe = (target: ProbeTarget) =>
    new Promise<void>((resolve, reject) => {
      started.push(target.id);
      finish.set(target.id, (fail) => (fail ? reject(fail) : resolve()));
    });
  const settle = async (id: string, fail?: Error) => {
    finish.get(id)!(fail);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, probe, settle };
}

describe('freshness probes after each collector round', () => {
  it('start for RUNNING supervisors, two at a time, without the round waiting for them', async () => {
    const { started, probe, settle } = heldProbes();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const afterCollect = freshnessScheduler({ probe, db: async () => store.db, intervalMs: 60_000, retentionDays: 30 });
    const all = [supervisor('a', 'RUNNING'), supervisor('b', 'SUSPENDED'), supervisor('c', 'RUNNING'), supervisor('d', 'UNHEALTHY_TASKS'), supervisor('e', 'RUNNING')];

    // The probes never end here, yet the round's work does.
    await afterCollect(round(1_000_000, ...all));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'c']);

    // While both slots are taken, nothing more starts.
    await afterCollect(round(1_015_000, ...all));
    expect(started).toEqual(['a', 'c']);

    // A slot frees up (even by a failure, which is logged): the one still waiting goes next.
    await settle('a', new Error('Kafka went away'));
    await afterCollect(round(1_030_000, ...all));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'c', 'e']);
    expect(logged).toHaveBeenCalledWith("Tributary's freshness probe of supervisor a failed: Kafka went away");
    logged.mockRestore();

    // Within the interval a supervisor is not probed again; after it, it is.
    await settle('c');
    await settle('e');
    await afterCollect(round(1_045_000, ...all));
    expect(started).toEqual(['a', 'c', 'e']);
    await afterCollect(round(1_061_000, ...all));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a', 'c', 'e', 'a', 'c']);
  });

  it('resume where the stored samples left off, and remove samples older than the retention', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.parse('2026-03-10T12:00:00.000Z');
    await insertFreshnessSample(store.db, { supervisorId: 'recent', at: new Date(now - 10_000).toISOString(), freshnessMs: 300, seen: 1, detail: null });
    await insertFreshnessSample(store.db, { supervisorId: 'old', at: new Date(now - 8 * day).toISOString(), freshnessMs: 400, seen: 1, detail: null });
    const { started, probe } = heldProbes();
    const afterCollect = freshnessScheduler({ probe, db: async () => store.db, intervalMs: 60_000, retentionDays: 7 });
    await afterCollect(round(now, supervisor('recent', 'RUNNING'), supervisor('old', 'RUNNING')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // "recent" was probed 10 s ago by whichever instance collected then.
    expect(started).toEqual(['old']);
    expect(await findFreshnessSamples(store.db, 'old', '2000-01-01T00:00:00.000Z')).toEqual([]);
    expect(await findFreshnessSamples(store.db, 'recent', '2000-01-01T00:00:00.000Z')).toHaveLength(1);
  });
});
