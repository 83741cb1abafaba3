// The control API drives the mock's faults, and kafkajs clients see the effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { KafkaControl, KafkaControlError } from './control-client';
import { startKafkaHost, type KafkaHost } from './host';

const NOT_LEADER_OR_FOLLOWER = 6;
const MESSAGE_TOO_LARGE = 10;

describe('Kafka control API', () => {
  let host: KafkaHost;
  let control: KafkaControl;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    host = await startKafkaHost({ brokers: 3, topics: [{ name: 'orders', partitions: 3 }] });
    control = new KafkaControl(host.state().controlUrl);
    kafka = new Kafka({
      brokers: host.cluster.bootstrapServers.split(','),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 1, initialRetryTime: 100 },
    });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await host.stop();
  });

  const produceTo = (topic: string, partition: number) => producer.send({ topic, messages: [{ partition, value: 'x' }] });
  const refused = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: KafkaControlError) => e);
    expect(error).toBeInstanceOf(KafkaControlError);
    return error!;
  };

  it('creates topics that kafkajs then sees', async () => {
    await control.createTopic('refunds', 5);
    expect(await control.topics()).toEqual([
      { name: 'orders', partitions: 3 },
      { name: 'refunds', partitions: 5 },
    ]);
    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: ['refunds'] });
    await admin.disconnect();
    expect(metadata.topics[0].partitions).toHaveLength(5);
    expect((await refused(control.createTopic('refunds', 2))).status).toBe(409);
  });

  it('takes a broker down so producing to its partitions fails, and brings it back', async () => {
    await control.setPartitionLeader('orders', 0, 1);
    await produceTo('orders', 0);
    expect(await control.brokerDown(1)).toEqual({ id: 1, up: false, rttMs: 0 });
    await expect(produceTo('orders', 0)).rejects.toThrow(/ECONNREFUSED/);
    expect((await control.brokers()).map((broker) => broker.up)).toEqual([false, true, true]);
    await control.brokerUp(1);
    await produceTo('orders', 0);
  });

  it('moves a partition leader', async () => {
    expect(await control.setPartitionLeader('orders', 1, 3)).toEqual({ topic: 'orders', partition: 1, leader: 3 });
    const admin = kafka.admin();
    await admin.connect();
    const [topic] = (await admin.fetchTopicMetadata({ topics: ['orders'] })).topics;
    await admin.disconnect();
    expect(topic.partitions.find((p) => p.partitionId === 1)?.leader).toBe(3);
  });

  it('injects protocol errors by API name, in order, and clears them', async () => {
    await control.pushRequestErrors('Produce', [MESSAGE_TOO_LARGE]);
    await expect(produceTo('orders', 2)).rejects.toThrow(/larger than the max message size/);
    await produceTo('orders', 2);
    // Three retriable errors outlast kafkajs's one retry: success proves they were cleared.
    await control.pushRequestErrors(0, [NOT_LEADER_OR_FOLLOWER, NOT_LEADER_OR_FOLLOWER, NOT_LEADER_OR_FOLLOWER]);
    await control.clearRequestErrors('Produce');
    await produceTo('orders', 2);
  });

  it('slows a broker down by its round-trip time', async () => {
    await control.setPartitionLeader('orders', 2, 2);
    await control.brokerRtt(2, 300);
    const startedMs = Date.now();
    await produceTo('orders', 2);
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(290);
    await control.brokerRtt(2, 0);
  });

  it('refuses bad input with a 400 that names the field', async () => {
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [control.createTopic('orders!', 3), /^POST \/topics: name: a Kafka topic name/],
      [control.createTopic('payments', 0), /partitions: Too small/],
      [control.brokerRtt(1, -5), /ms: Too small/],
      [control.pushRequestErrors('Fetchh' as 'Fetch', [6]), /apiKey: unknown Kafka API "Fetchh"/],
      [control.pushRequestErrors('Fetch', []), /codes: Too small/],
      [control.setPartitionLeader('orders', 0, 0), /broker: Too small/],
    ];
    for (const [call, message] of cases) {
      const error = await refused(call);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
    }
    const notJson = await fetch(`${host.state().controlUrl}/topics`, { method: 'POST', body: '{name:' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/^\(body\): not JSON/);
  });

  it('answers 404 for what does not exist and 405 for a wrong method', async () => {
    expect((await refused(control.brokerDown(9))).message).toMatch(/no broker 9; brokers are 1, 2, 3/);
    expect((await refused(control.setPartitionLeader('orders', 7, 1))).message).toMatch(/orders has partitions 0..2, not 7/);
    expect((await refused(control.setPartitionLeader('ghosts', 0, 1))).status).toBe(404);
    const wrongMethod = await fetch(`${host.state().controlUrl}/brokers/1/down`, { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
  });
});
