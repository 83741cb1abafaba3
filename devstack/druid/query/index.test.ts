import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from './testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

describe('Broker routes', () => {
  it('lists datasources and describes one', async () => {
    expect((await engine.call('GET', '/druid/v2/datasources')).json()).toEqual(['kafkatest', 'mytopic-kafka', 'oddities']);
    expect((await engine.call('GET', '/druid/v2/datasources/kafkatest')).json()).toEqual({ dimensions: ['city', 'platform'], metrics: ['count', 'click'] });
    expect((await engine.call('GET', '/druid/v2/datasources/mytopic-kafka/dimensions')).json()).toEqual(['url', 'user']);
    expect((await engine.call('GET', '/druid/v2/datasources/kafkatest/metrics')).json()).toEqual(['count', 'click']);
  });

  it('answers 404 in Druid error JSON for unknown datasources and paths', async () => {
    const missing = await engine.call('GET', '/druid/v2/datasources/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ host: 'tributary-local-engine' });
    expect((await engine.call('GET', '/druid/v2/candidates')).status).toBe(404);
    expect((await engine.call('PUT', '/druid/v2/sql')).status).toBe(404);
  });
});
