// Consumer groups on the topic page: lag per partition and in total as exact int64 arithmetic, only
// groups with offsets on the topic, bounded work (groups, concurrency, deadline), refusals in words.
import { describe, expect, it } from 'vitest';
import { describeTopic } from './catalogue';
import { MAX_GROUPS_CHECKED, partitionLag, readCommittedOffsets, withLag } from './consumer-groups';
import { InMemoryKafka, partitionWith, type StoredGroup } from './testing/in-memory-kafka';

const orders = () => [partitionWith([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), partitionWith([0, 1, 2, 3]), partitionWith([])];
const kafka = (groups: readonly StoredGroup[], extra: Partial<ConstructorParameters<typeof InMemoryKafka>[1]> = {}) =>
  new InMemoryKafka({ orders: orders(), payments: [partitionWith([0, 1])] }, { honoursTimestamps: true, groups, ...extra });

describe('describeTopic consumer groups', () => {
  it('reports each group with committed offsets on the topic: state, members, lag per partition and in total', async () => {
    const client = kafka([
      { groupId: 'billing', state: 'Stable', members: 2, offsets: { orders: { 0: 4n, 1: 4n } } },
      { groupId: 'audit', state: 'Empty', members: 0, offsets: { orders: { 0: 10n } } },
      { groupId: 'payments-only', state: 'Stable', members: 1, offsets: { payments: { 0: 1n } } },
      { groupId: 'fresh', state: 'Stable', members: 1 },
    ]);
    const { consumerGroups } = await describeTopic(client, 'orders');
    expect(consumerGroups).toMatchObject({ listed: 4, checked: 4, leftOut: 0, problems: [] });
    expect(consumerGroups.groups).toEqual([
      {
        groupId: 'audit',
        state: 'Empty',
        members: 0,
        totalLag: '0',
        partitions: [
          { partition: 0, committedOffset: '10', lag: '0' },
          { partition: 1, committedOffset: null, lag: null },
          { partition: 2, committedOffset: null, lag: null },
        ],
      },
      {
        groupId: 'billing',
        state: 'Stable',
        members: 2,
        totalLag: '6',
        partitions: [
          { partition: 0, committedOffset: '4', lag: '6' },
          { partition: 1, committedOffset: '4', lag: '0' },
          { partition: 2, committedOffset: null, lag: null },
        ],
      },
    ]);
    // DescribeGroups only for groups that committed on the topic.
    expect(client.describedGroups.sort()).toEqual(['audit', 'billing']);
  });

  it('reports no group when none committed on the topic, with nothing to warn about', async () => {
    const { consumerGroups } = await describeTopic(kafka([]), 'orders');
    expect(consumerGroups).toEqual({ groups: [], listed: 0, checked: 0, leftOut: 0, problems: [] });
  });

  it("skips groups that hold no offsets (Kafka Connect's worker groups)", async () => {
    const client = kafka([{ groupId: 'connect-cluster', protocolType: 'connect' }, { groupId: 'spark-offsets', protocolType: '', offsets: { orders: { 2: 0n } } }]);
    const { consumerGroups } = await describeTopic(client, 'orders');
    expect(client.offsetFetches).toEqual(['spark-offsets']);
    expect(consumerGroups.listed).toBe(1);
    expect(consumerGroups.groups.map((g) => [g.groupId, g.totalLag])).toEqual([['spark-offsets', '0']]);
  });

  it('says in words when the broker refuses to list groups, and the page still answers', async () => {
    const detail = await describeTopic(kafka([], { listGroupsError: Object.assign(new Error('Not authorized'), { type: 'CLUSTER_AUTHORIZATION_FAILED' }) }), 'orders');
    expect(detail.partitions).toHaveLength(3);
    expect(detail.consumerGroups.problems).toEqual([
      "Consumer groups are unknown: Kafka did not list them (the broker refused ListGroups: Tributary's Kafka user lacks Describe permission on the cluster).",
    ]);
  });

  it('names the brokers that did not list their groups, once per reason', async () => {
    const refused = Object.assign(new Error('Not authorized'), { type: 'CLUSTER_AUTHORIZATION_FAILED' });
    const client = kafka([{ groupId: 'billing', offsets: { orders: { 0: 8n } } }], { listGroupsFailures: [{ broker: 3, error: refused }, { broker: 2, error: refused }] });
    const { consumerGroups } = await describeTopic(client, 'orders');
    expect(consumerGroups.groups.map((g) => [g.groupId, g.totalLag])).toEqual([['billing', '2']]);
    expect(consumerGroups.problems).toEqual([
      "Brokers 2, 3 did not list the consumer groups they coordinate (the broker refused ListGroups: Tributary's Kafka user lacks Describe permission on the cluster); those groups are missing.",
    ]);
  });

  it('says when the broker does not serve ListGroups', async () => {
    const unsupported = Object.assign(new Error('The Kafka server does not implement the requested API'), { name: 'KafkaJSServerDoesNotSupportApiKey' });
    const { consumerGroups } = await describeTopic(kafka([], { listGroupsError: unsupported }), 'orders');
    expect(consumerGroups.problems).toEqual(['Consumer groups are unknown: Kafka did not list them (the broker does not serve ListGroups).']);
  });

  it("names a group whose offsets were refused, and one whose state DescribeGroups does not tell", async () => {
    const client = kafka([
      { groupId: 'secret', offsetFetchError: Object.assign(new Error('Not authorized'), { type: 'GROUP_AUTHORIZATION_FAILED' }) },
      { groupId: 'kip848', offsets: { orders: { 0: 7n } }, describeError: Object.assign(new Error('not a classic group'), { type: 'GROUP_ID_NOT_FOUND' }) },
    ]);
    const { consumerGroups } = await describeTopic(client, 'orders');
    expect(consumerGroups.problems).toEqual([`Group "secret": its offsets could not be read (the broker refused OffsetFetch: Tributary's Kafka user lacks Describe permission on the group).`]);
    expect(consumerGroups).toMatchObject({ checked: 1, leftOut: 1 });
    expect(consumerGroups.groups).toMatchObject([
      { groupId: 'kip848', state: null, members: null, totalLag: '3', describeError: 'DescribeGroups does not describe groups of the new consumer protocol (KIP-848)' },
    ]);
  });
});

describe('bounded work', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ groupId: `g${String(i).padStart(3, '0')}`, offsets: { orders: { 0: 1n } } }));

  it(`reads at most ${MAX_GROUPS_CHECKED} groups, the first by name, and says how many were left out`, async () => {
    const client = kafka([...many(130)].reverse());
    const { consumerGroups } = await describeTopic(client, 'orders');
    expect(client.offsetFetches).toHaveLength(MAX_GROUPS_CHECKED);
    expect(new Set(client.offsetFetches)).toEqual(new Set(many(MAX_GROUPS_CHECKED).map((g) => g.groupId)));
    expect(consumerGroups).toMatchObject({ listed: 130, checked: 100, leftOut: 30 });
    expect(consumerGroups.groups).toHaveLength(100);
    expect(consumerGroups.problems).toEqual(['30 of 130 consumer groups were left out: Tributary reads the offsets of at most 100 groups per topic, the first by name.']);
  });

  it('keeps at most the given number of group requests in flight', async () => {
    const client = kafka(many(40), { groupRequestDelayMs: 5 });
    await readCommittedOffsets(client, 'orders', [0, 1, 2], { concurrency: 4 });
    expect(client.maxGroupRequestsInFlight).toBe(4);
  });

  it('stops at the deadline and counts the groups it did not reach', async () => {
    const client = kafka(many(40), { groupRequestDelayMs: 40 });
    const started = Date.now();
    const result = await readCommittedOffsets(client, 'orders', [0, 1, 2], { timeoutMs: 100, concurrency: 2 });
    expect(Date.now() - started).toBeLessThan(400);
    expect(result.checked).toBeLessThan(40);
    expect(result.leftOut).toBe(40 - result.checked);
    expect(result.problems).toEqual([`${result.leftOut} consumer groups were left out: Kafka did not answer within 0.1 s.`]);
  });

  it("stops when the route's signal aborts", async () => {
    const client = kafka(many(10), { groupRequestDelayMs: 1_000 });
    const result = await readCommittedOffsets(client, 'orders', [0], { signal: AbortSignal.timeout(50), timeoutMs: 10_000 });
    expect(result).toMatchObject({ checked: 0, leftOut: 10, groups: [] });
  });
});

describe('lag', () => {
  it('is exact past 2^53, where floats would round', () => {
    expect(partitionLag('9007199254740990', '9223372036854775807')).toBe('9214364837600034817');
    expect(partitionLag('9007199254740993', '9007199254740995')).toBe('2');
  });

  it('is unknown without a committed or a latest offset, and never negative', () => {
    expect(partitionLag(null, '10')).toBeNull();
    expect(partitionLag('3', null)).toBeNull();
    expect(partitionLag('12', '10')).toBe('0');
  });

  it('sums in total only when every committed partition has a known lag', () => {
    const committed = {
      groups: [{ groupId: 'g', offsets: [{ partition: 0, offset: '9007199254740990' }, { partition: 1, offset: '5' }], description: { state: 'Stable', protocolType: 'consumer', members: 1 } }],
      listed: 1,
      checked: 1,
      leftOut: 0,
      problems: [],
    };
    const known = withLag(committed, [{ partition: 0, latestOffset: '9007199254740999' }, { partition: 1, latestOffset: '9007199254740999' }]);
    expect(known.groups[0].totalLag).toBe(String(9n + 9007199254740994n));
    const unknown = withLag(committed, [{ partition: 0, latestOffset: '9007199254740999' }, { partition: 1, latestOffset: null }]);
    expect(unknown.groups[0]).toMatchObject({ totalLag: null, partitions: [{ lag: '9' }, { lag: null }] });
  });
});
