// Sends a datasource's Kafka tasks to the local stack's MiddleManager, whose peons keep a log per
// task, for tests that read task logs (Druid 33's Indexer answers them with an empty body).
import { WORKER_CATEGORIES, workerSelectStrategy } from '../devstack/real/druid';

interface WorkerConfig {
  selectStrategy?: { workerCategorySpec?: { categoryMap?: { index_kafka?: { categoryAffinity?: Record<string, string> } } } };
}

/**
 * Adds `datasource` to the Overlord's category affinity, keeping the datasources already there.
 * Call it before submitting the supervisor: a task goes where the strategy says when it is assigned.
 */
export async function runTasksOnMiddleManager(overlordUrl: string, datasource: string): Promise<void> {
  const url = `${overlordUrl}/druid/indexer/v1/worker`;
  const current = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!current.ok) throw new Error(`the Overlord's worker config: HTTP ${current.status}`);
  const config = (await current.json().catch(() => ({}))) as WorkerConfig;
  const affinity = config.selectStrategy?.workerCategorySpec?.categoryMap?.index_kafka?.categoryAffinity ?? {};
  const peonDatasources = [...Object.keys(affinity).filter((name) => affinity[name] === WORKER_CATEGORIES.peons), datasource];
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(workerSelectStrategy([...new Set(peonDatasources)])),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`setting the Overlord's worker config: HTTP ${response.status} ${await response.text()}`);
}
