// Sends a datasource's Kafka tasks to the local stack's MiddleManager, whose peons keep a log per
// task, for tests that read task logs (Druid 33's Indexer answers them with an empty body).
// Free of devstack imports, so Playwright specs can use it too.

/** druid.worker.category in devstack/druid/conf/middleManager/runtime.properties. */
const MIDDLE_MANAGER_CATEGORY = 'peons';

interface WorkerConfig {
  selectStrategy?: { workerCategorySpec?: { categoryMap?: { index_kafka?: { categoryAffinity?: Record<string, string> } } } };
}

/**
 * Adds `datasource` to the category affinity of the Overlord's worker select strategy, which the
 * stack set at its start (devstack/real/druid.ts), keeping the rest of it. Call it before submitting
 * the supervisor: a task goes where the strategy says when it is assigned.
 */
export async function runTasksOnMiddleManager(overlordUrl: string, datasource: string): Promise<void> {
  const url = `${overlordUrl}/druid/indexer/v1/worker`;
  const current = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!current.ok) throw new Error(`the Overlord's worker config: HTTP ${current.status}`);
  const config = (await current.json()) as WorkerConfig;
  const kafkaTasks = config.selectStrategy?.workerCategorySpec?.categoryMap?.index_kafka;
  if (!kafkaTasks) throw new Error(`the Overlord has no worker categories for Kafka tasks (is this the local stack?): ${JSON.stringify(config)}`);
  kafkaTasks.categoryAffinity = { ...kafkaTasks.categoryAffinity, [datasource]: MIDDLE_MANAGER_CATEGORY };
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`setting the Overlord's worker config: HTTP ${response.status} ${await response.text()}`);
}
