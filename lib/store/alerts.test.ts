// Alert rules and events on both stores Tributary supports: a SQLite file and a real PostgreSQL.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewAlertEventRow, Store } from '.';
import { openAlertEvent, openAlertEvents, readAlertRules, readRecentSamples, recentAlertEvents, recordAlertDelivery, resolveAlertEvent, saveAlertRules } from './alerts';
import { insertMetrics } from './metrics';
import { STORE_BACKENDS, withStoreOf } from './testing/each-store';


const event = (overrides: Partial<NewAlertEventRow> = {}): NewAlertEventRow => ({
  ruleId: 'not-running',
  supervisorId: 'clicks',
  firedAt: '2026-03-01T10:05:00.000Z',
  resolvedAt: null,
  message: 'clicks has been SUSPENDED for 5 min',
  detail: JSON.stringify({ since: '2026-03-01T10:00:00.000Z' }),
  notifiedAt: null,
  resolveNotifiedAt: null,
  deliveryError: null,
  ...overrides,
});

describe.each(STORE_BACKENDS)('alerts in the store on $name', (backend) => {
  let store: Store;
  withStoreOf(backend, (opened) => (store = opened));

  beforeEach(async () => {
    await store.db.deleteFrom('alertEvents').execute();
    await store.db.deleteFrom('alertRules').execute();
    await store.db.deleteFrom('supervisorMetrics').execute();
  });

  it('keeps one rules document, nothing until it is first saved, and the last save after that', async () => {
    expect(await readAlertRules(store.db)).toBeUndefined();
    await saveAlertRules(store.db, { body: '{"rules":[],"webhooks":[]}', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'ana' });
    await saveAlertRules(store.db, { body: '{"rules":[1],"webhooks":[]}', updatedAt: '2026-03-01T11:00:00.000Z', updatedBy: null });
    expect(await readAlertRules(store.db)).toEqual({ body: '{"rules":[1],"webhooks":[]}', updatedAt: '2026-03-01T11:00:00.000Z', updatedBy: null });
  });

  it('opens one alert per rule and supervisor at a time, and resolves it once', async () => {
    const id = await openAlertEvent(store.db, event());
    expect(id).toEqual(expect.any(Number));
    expect(await openAlertEvent(store.db, event())).toBeUndefined();
    const other = await openAlertEvent(store.db, event({ supervisorId: 'prices' }));
    expect((await openAlertEvents(store.db)).map((row) => [row.id, row.supervisorId])).toEqual([
      [id, 'clicks'],
      [other, 'prices'],
    ]);

    expect(await resolveAlertEvent(store.db, id!, '2026-03-01T10:20:00.000Z', '{"resolvedMessage":"clicks is RUNNING"}')).toBe(true);
    expect(await resolveAlertEvent(store.db, id!, '2026-03-01T10:21:00.000Z', null)).toBe(false);
    expect((await openAlertEvents(store.db)).map((row) => row.id)).toEqual([other]);
    expect(await recentAlertEvents(store.db, 10)).toMatchObject([{ id, resolvedAt: '2026-03-01T10:20:00.000Z', message: 'clicks has been SUSPENDED for 5 min', detail: '{"resolvedMessage":"clicks is RUNNING"}' }]);
    // Once resolved, the same rule may fire again for the supervisor.
    expect(await openAlertEvent(store.db, event({ firedAt: '2026-03-01T11:00:00.000Z' }))).toEqual(expect.any(Number));
  });

  it('records one alert when several callers open it at once, as two instances might', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => openAlertEvent(store.db, event())));
    expect(ids.filter((id) => id !== undefined)).toHaveLength(1);
    expect(await openAlertEvents(store.db)).toHaveLength(1);
  });

  it('records when each notice reached the webhooks, or why it did not', async () => {
    const id = (await openAlertEvent(store.db, event()))!;
    await recordAlertDelivery(store.db, id, 'firing', { at: '2026-03-01T10:05:01.000Z', error: null });
    await resolveAlertEvent(store.db, id, '2026-03-01T10:20:00.000Z', null);
    await recordAlertDelivery(store.db, id, 'resolved', { at: '2026-03-01T10:20:01.000Z', error: 'Webhook "pager": HTTP 500' });
    expect(await recentAlertEvents(store.db, 1)).toMatchObject([{ notifiedAt: '2026-03-01T10:05:01.000Z', resolveNotifiedAt: null, deliveryError: 'Webhook "pager": HTTP 500' }]);
  });

  it("reads every supervisor's collector samples since a time, and none of the averaged ones", async () => {
    const row = (supervisorId: string, stepS: number, at: string) => ({
      supervisorId, stepS, at, state: 'RUNNING', healthy: 1, totalLag: '5', maxTimeLagMs: 0, processedPerSec: 1, unparseablePerSec: 0, thrownAwayPerSec: 0,
      withErrorPerSec: 0, producedPerSec: 1, consumedPerSec: 1, tasks: 1, failedTasks: 0, partitions: null,
    });
    await insertMetrics(store.db, [
      row('clicks', 0, '2026-03-01T10:00:00.000Z'),
      row('clicks', 0, '2026-03-01T10:01:00.000Z'),
      row('clicks', 60, '2026-03-01T10:01:00.000Z'),
      row('prices', 0, '2026-03-01T10:02:00.000Z'),
    ]);
    expect((await readRecentSamples(store.db, '2026-03-01T10:01:00.000Z')).map((r) => [r.supervisorId, r.at])).toEqual([
      ['clicks', '2026-03-01T10:01:00.000Z'],
      ['prices', '2026-03-01T10:02:00.000Z'],
    ]);
  });
});
