// The task routes against real Druid 33: a demo task, which runs on the MiddleManager, has a report
// with its row counts and a log that can be read, followed and downloaded; a task on the Indexer
// gets a log that says why Druid sent no text; unknown and malformed task ids are told apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, testStack } from '@/testing/real-stack';
import { appJson, createTopicWith, deleteTopics } from '@/testing/app';
import type { TaskReport } from '@/lib/operate';
import { DEMO_DATASOURCES, kafkaSupervisorSpec } from '@/devstack/demo-supervisor';

const stack = testStack();
const onIndexer = `tasks-routes-${Date.now().toString(36)}`;

interface ListedTask {
  id: string;
  statusCode: string;
  location: { host: string | null; port: number };
}

const runningTasks = (datasource: string) =>
  fetch(`${stack.real.druid.overlordUrl}/druid/indexer/v1/tasks?state=running&datasource=${datasource}`).then((response) => response.json() as Promise<ListedTask[]>);

const logOf = (taskId: string, query = '') => fetch(`${stack.appUrl}/api/tasks/${taskId}/log${query}`, { signal: AbortSignal.timeout(30_000) });

describe('task report and log on real Druid', () => {
  let demoTask: string;

  beforeAll(async () => {
    await createTopicWith(onIndexer, 1, [{ value: JSON.stringify({ time: new Date().toISOString(), url: '/a', user: 'u' }) }]);
    const spec = kafkaSupervisorSpec({ topic: onIndexer, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'iso' }, dimensions: ['url'] });
    expect((await appJson('/api/supervisors', { body: spec })).status).toBe(200);
    const [demo] = await pollUntil('a running demo task', () => runningTasks(DEMO_DATASOURCES[0]), (tasks) => tasks.length > 0, 60_000);
    demoTask = demo.id;
  });

  afterAll(async () => {
    await appJson(`/api/supervisors/${onIndexer}/terminate`, { body: {} });
    await deleteTopics(onIndexer);
  });

  it("reports a running demo task's row counts, where it runs and its state", async () => {
    const { status, body } = await pollUntil('a report', () => appJson<TaskReport>(`/api/tasks/${demoTask}/report`), (answer) => answer.body.reportMissing === null, 30_000);
    expect(status).toBe(200);
    expect(body).toMatchObject({ taskId: demoTask, datasource: DEMO_DATASOURCES[0], type: 'index_kafka', status: 'RUNNING', running: true, ingestionState: 'BUILD_SEGMENTS' });
    expect(body.location).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(body.rowStats[0]).toMatchObject({ phase: 'buildSegments' });
    expect(body.rowStats[0].processed).toBeGreaterThan(0);
  });

  it("serves the end of the demo task's log, follows it while it runs, and offers it as a file", async () => {
    const tail = await logOf(demoTask, '?tailKb=2');
    expect(tail.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await tail.text();
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(2048);

    const stop = new AbortController();
    const followed = await fetch(`${stack.appUrl}/api/tasks/${demoTask}/log?follow=1`, { signal: stop.signal });
    const reader = followed.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The answer stays open while the task runs: a read either brings more of the log or waits.
    const next = await Promise.race([reader.read().then(({ done }) => (done ? 'ended' : 'more')), new Promise((resolve) => setTimeout(() => resolve('still open'), 3_000))]);
    expect(next).not.toBe('ended');
    stop.abort();

    const download = await logOf(demoTask, '?download=1');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${demoTask}.log"`);
    expect((await download.text()).length).toBeGreaterThan(text.length);
  });

  it('says why the log of a task on the Indexer is empty', async () => {
    const [task] = await pollUntil('its task running', () => runningTasks(onIndexer), (tasks) => tasks.some((t) => t.location.port > 0), 60_000);
    const answer = await logOf(task.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-tributary-empty-log')).toBe('true');
    expect(await answer.text()).toContain('Druid answered with an empty log for task');
  });

  it('answers 404 for a task Druid does not know and 400 for an id that is not one', async () => {
    const unknown = await appJson<{ error: { message: string } }>('/api/tasks/index_kafka_no_such_task/report');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Druid has no task "index_kafka_no_such_task"');
    expect((await logOf('index_kafka_no_such_task')).status).toBe(404);
    const malformed = await appJson<{ error: { message: string } }>('/api/tasks/a%20b/log');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('path.taskId');
  });
});
