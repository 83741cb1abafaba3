// The flows of the seeds this product was made from, on real Druid: seed 000's legacy spec,
// pasted into the wizard as its curl file holds it, ingests the seed's messages and its native
// search finds "roni"; seed 001's daily timeseries in Asia/Shanghai shows Druid's +08:00 days.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { LoadPage } from './pages/load-page';
import { LoadReviewPage } from './pages/load-review-page';
import { QueryPage } from './pages/query-page';
import { readStack } from './stack';

const SEEDS = path.resolve(process.cwd(), 'testdata', 'seeds');

/** The JSON blocks of a seed document, in order, as its author wrote them (comments included). */
function seedBlocks(prefix: string): string[] {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix))!;
  const text = readFileSync(path.join(SEEDS, file), 'utf8');
  return [...text.matchAll(/```\n(\{[\s\S]*?\})\n```/g)].map((match) => match[1]);
}

async function produce(topic: string, values: string[]): Promise<void> {
  const kafka = new Kafka({ brokers: [readStack().kafka.bootstrapServers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: values.map((value) => ({ value })) });
  await producer.disconnect();
}

async function nativeRows(request: APIRequestContext, query: unknown): Promise<string> {
  const response = await request.post('/api/query/native', { data: { query } });
  return response.ok() ? response.text() : '';
}

async function terminate(request: APIRequestContext, id: string): Promise<void> {
  await request.post(`/api/supervisors/${encodeURIComponent(id)}/terminate`, { data: {} });
}

test('seed 000: the legacy curl spec pasted into the wizard ingests, and the native search finds roni', async ({ page, request }) => {
  test.setTimeout(180_000);
  const name = `seed000-${Date.now().toString(36)}`;
  const [specText, searchText] = seedBlocks('000_').filter((block) => block.includes('"type": "kafka"') || block.includes('"queryType" : "search"'));
  const messages = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((file) => file.startsWith('000_'))!), 'utf8').match(/^\{"time": .*\}$/gm)!;
  expect(messages).toHaveLength(3);
  await produce(name, messages);

  const load = new LoadPage(page);
  const review = new LoadReviewPage(page);
  await load.open(`?topic=${name}&limit=10`);
  await load.waitForSampleEnd();
  await review.acceptInferredSchema();
  // The seed's file, with its placeholders filled in, pasted over what the wizard built.
  const pasted = specText
    .replace('{kafka_ip}:9092', readStack().kafka.bootstrapServers)
    .replace('"mytopic-kafka"', `"${name}"`)
    .replace('"topic": "mytopic"', `"topic": "${name}"`);
  await review.replaceSpecText(pasted);
  await expect(review.datasource).toHaveValue(name);
  await review.startFromEarliestOffset.check();
  await expect(review.submitBlocked).toHaveCount(0);
  await review.submitButton.click();
  try {
    await expect(page).toHaveURL(new RegExp(`/supervisors/${name}$`), { timeout: 30_000 });

    const search = JSON.parse(searchText.replace('"mytopic-kafka"', `"${name}"`)) as Record<string, unknown>;
    await expect.poll(() => nativeRows(request, search), { timeout: 90_000, intervals: [1_000, 2_000, 5_000] }).toContain('roni');

    const query = new QueryPage(page);
    await query.open();
    await query.mode('Native JSON');
    await query.write(JSON.stringify(search, null, 2));
    await query.run();
    await query.waitForResult();
    await expect(page.getByRole('table', { name: 'Query results' })).toContainText('roni');
  } finally {
    await terminate(request, name);
  }
});

test("seed 001: the daily timeseries in Asia/Shanghai is labelled with Druid's +08:00 days", async ({ page, request }) => {
  test.setTimeout(180_000);
  const name = `seed001-${Date.now().toString(36)}`;
  const blocks = seedBlocks('001_');
  const specText = blocks.find((block) => block.includes('"type": "kafka"'))!;
  const queryText = blocks.find((block) => block.includes('"queryType"'))!;
  // Three clicks a day around noon in Shanghai, as the seed's producer sends them: strings throughout.
  const days = ['2019-06-03', '2019-06-04', '2019-06-05'];
  const messages = days.flatMap((day, d) =>
    [0, 1, 2].map((i) => JSON.stringify({ timestamp: String(Date.parse(`${day}T04:00:00Z`) + i * 60_000), city: ['beijing', 'shanghai', 'shenzhen'][i], platform: 'pc', click: String(d + 1) })),
  );
  await produce(name, messages);
  // The seed's spec as its curl sends it (the API takes plain JSON, so without its // notes),
  // pointed at this topic and reading it from the start.
  const submitted = await request.post('/api/supervisors', {
    headers: { 'content-type': 'application/json' },
    data: specText
      .replace(/\s*\/\/[^\n]*/g, '')
      .replace('"kafkatest"', `"${name}"`)
      .replace('"adtest"', `"${name}"`)
      .replace('"hp101:9092,hp102:9092"', `"${readStack().kafka.bootstrapServers}"`)
      .replace('"replicas": 2,', '"replicas": 1, "useEarliestOffset": true,'),
  });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  try {
    const timeseries = JSON.parse(queryText.replace('"kafkatest"', `"${name}"`)) as Record<string, unknown>;
    await expect.poll(() => nativeRows(request, timeseries), { timeout: 90_000, intervals: [1_000, 2_000, 5_000] }).toContain('2019-06-05T00:00:00.000+08:00');

    const query = new QueryPage(page);
    await query.open();
    await query.mode('Native JSON');
    await query.write(JSON.stringify(timeseries, null, 2));
    await query.run();
    await query.waitForResult();
    const table = page.getByRole('table', { name: 'Query results' });
    await expect(table).toContainText('+08:00');
    await expect(query.chart).toBeVisible();
  } finally {
    await terminate(request, name);
  }
});
