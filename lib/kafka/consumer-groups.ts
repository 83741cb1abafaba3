// The consumer groups with committed offsets on a topic, and their lag. Read-only by construction:
// ListGroups on every broker, then OffsetFetch and DescribeGroups at the broker that listed the group
// (a broker lists exactly the groups it coordinates), so no FindCoordinator, JoinGroup or OffsetCommit.
import 'server-only';
import { describeCause, type CommittedOffset, type GroupDescription, type GroupListing, type KafkaClient, type ListedGroup } from './client';
import type { PartitionInfo, TopicConsumerGroup, TopicConsumerGroups } from './schemas';

/** Groups whose offsets are read per topic page; the rest are counted and said to be left out. */
export const MAX_GROUPS_CHECKED = 100;
/** OffsetFetch/DescribeGroups requests in flight at once, so a cluster with many groups is not flooded. */
export const GROUP_CONCURRENCY = 8;
/** The topic page waits this long for groups; what is not read by then is reported as left out. */
export const CONSUMER_GROUPS_TIMEOUT_MS = 5_000;

/**
 * Protocol types whose groups commit offsets: consumers and Kafka Streams ("consumer"), and "" for
 * groups that only commit (admin tools, Spark, Flink). Kafka Connect's worker groups ("connect") hold none.
 */
const OFFSET_PROTOCOL_TYPES = new Set(['consumer', '']);

export interface ConsumerGroupOptions {
  /** The route's signal: aborted when the client goes away or the route's deadline passes. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly maxGroups?: number;
  readonly concurrency?: number;
}

/** A group's committed offsets on the topic, before lag is known. */
export interface CommittedGroup {
  readonly groupId: string;
  readonly offsets: readonly CommittedOffset[];
  readonly description: GroupDescription | { readonly error: string };
}

export interface CommittedOffsets {
  readonly groups: readonly CommittedGroup[];
  readonly listed: number;
  readonly checked: number;
  readonly leftOut: number;
  readonly problems: readonly string[];
}

/** Reads which groups committed offsets on `topic`, bounded in groups, concurrency and time. */
export async function readCommittedOffsets(client: KafkaClient, topic: string, partitions: readonly number[], options: ConsumerGroupOptions = {}): Promise<CommittedOffsets> {
  const { timeoutMs = CONSUMER_GROUPS_TIMEOUT_MS, maxGroups = MAX_GROUPS_CHECKED, concurrency = GROUP_CONCURRENCY } = options;
  const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])]);
  const late = `Kafka did not answer within ${timeoutMs / 1000} s`;

  let listing;
  try {
    listing = await untilAborted(client.listGroups(), deadline);
  } catch (error) {
    return { groups: [], listed: 0, checked: 0, leftOut: 0, problems: [`Consumer groups are unknown: Kafka did not list them (${inWords(error, 'ListGroups')}).`] };
  }
  if (listing === ABORTED) return { groups: [], listed: 0, checked: 0, leftOut: 0, problems: [`Consumer groups are unknown: ${late} to ListGroups.`] };

  const problems = listingProblems(listing);
  const candidates = uniqueGroups(listing.groups).filter((g) => OFFSET_PROTOCOL_TYPES.has(g.protocolType));
  const toCheck = candidates.slice(0, maxGroups);
  if (candidates.length > maxGroups) {
    problems.push(`${candidates.length - maxGroups} of ${candidates.length} consumer groups were left out: Tributary reads the offsets of at most ${maxGroups} groups per topic, the first by name.`);
  }

  const outcomes = await mapBounded(toCheck, concurrency, deadline, async (group): Promise<CommittedGroup | null> => {
    const offsets = await client.fetchCommittedOffsets(group.coordinator, group.groupId, topic, partitions);
    if (!offsets.some((o) => o.offset !== null)) return null;
    const description = await client.describeGroup(group.coordinator, group.groupId).catch((error: unknown) => ({ error: inWords(error, 'DescribeGroups') }));
    return { groupId: group.groupId, offsets, description };
  });

  const groups: CommittedGroup[] = [];
  let checked = 0;
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'done') {
      checked++;
      if (outcome.value) groups.push(outcome.value);
    } else if (outcome.status === 'failed') {
      problems.push(`Group "${toCheck[i].groupId}": its offsets could not be read (${inWords(outcome.error, 'OffsetFetch')}).`);
    }
  });
  const notReached = outcomes.filter((o) => o.status === 'not-run').length;
  if (notReached > 0) problems.push(`${notReached} consumer groups were left out: ${late}.`);
  return { groups, listed: candidates.length, checked, leftOut: candidates.length - checked, problems };
}

/** Lag per partition and in total, from the committed offsets and the partitions' latest offsets. */
export function withLag(committed: CommittedOffsets, partitions: readonly Pick<PartitionInfo, 'partition' | 'latestOffset'>[]): TopicConsumerGroups {
  const latest = new Map(partitions.map((p) => [p.partition, p.latestOffset]));
  const groups = committed.groups.map((group): TopicConsumerGroup => {
    const offsets = group.offsets.map((o) => ({ partition: o.partition, committedOffset: o.offset, lag: partitionLag(o.offset, latest.get(o.partition) ?? null) }));
    const committedOnes = offsets.filter((o) => o.committedOffset !== null);
    const totalLag = committedOnes.every((o) => o.lag !== null) ? String(committedOnes.reduce((sum, o) => sum + BigInt(o.lag!), 0n)) : null;
    const described = 'error' in group.description ? { state: null, members: null, describeError: group.description.error } : { state: group.description.state, members: group.description.members };
    return { groupId: group.groupId, ...described, partitions: offsets, totalLag };
  });
  return { groups, listed: committed.listed, checked: committed.checked, leftOut: committed.leftOut, problems: [...committed.problems] };
}

/**
 * latest - committed. The latest offset may be read a moment before the committed one, so a group at
 * the end can appear ahead of it: that is no backlog, and lag is never negative.
 */
export function partitionLag(committed: string | null, latest: string | null): string | null {
  if (committed === null || latest === null) return null;
  const lag = BigInt(latest) - BigInt(committed);
  return String(lag < 0n ? 0n : lag);
}

/** Kafka's refusals and group errors in words a user can act on. */
export function inWords(error: unknown, request: string): string {
  const e = error as { name?: string; type?: string };
  switch (e.type) {
    case 'CLUSTER_AUTHORIZATION_FAILED':
      return `the broker refused ${request}: Tributary's Kafka user lacks Describe permission on the cluster`;
    case 'GROUP_AUTHORIZATION_FAILED':
      return `the broker refused ${request}: Tributary's Kafka user lacks Describe permission on the group`;
    case 'TOPIC_AUTHORIZATION_FAILED':
      return `the broker refused ${request}: Tributary's Kafka user lacks Describe permission on the topic`;
    case 'COORDINATOR_LOAD_IN_PROGRESS':
      return 'its coordinator is still loading groups; reload in a moment';
    case 'NOT_COORDINATOR':
    case 'COORDINATOR_NOT_AVAILABLE':
      return 'its coordinator moved or is not available; reload in a moment';
    case 'GROUP_ID_NOT_FOUND':
      // Kafka 4 describes only classic groups with DescribeGroups; KIP-848 consumer groups have their own request.
      return `${request} does not describe groups of the new consumer protocol (KIP-848)`;
  }
  if (e.name === 'KafkaJSServerDoesNotSupportApiKey') return `the broker does not serve ${request}`;
  return describeCause(error);
}

/** One line per distinct reason, so three brokers refusing alike read as one refusal. */
function listingProblems(listing: GroupListing): string[] {
  const byReason = new Map<string, number[]>();
  for (const { broker, error } of listing.failures) {
    const reason = inWords(error, 'ListGroups');
    byReason.set(reason, [...(byReason.get(reason) ?? []), broker]);
  }
  return [...byReason].map(([reason, brokers]) =>
    listing.failures.length === listing.brokers
      ? `Consumer groups are unknown: Kafka did not list them (${reason}).`
      : `${brokers.length === 1 ? 'Broker' : 'Brokers'} ${brokers.sort((a, b) => a - b).join(', ')} did not list the consumer groups ${brokers.length === 1 ? 'it coordinates' : 'they coordinate'} (${reason}); those groups are missing.`,
  );
}

/** A group moving between coordinators can be listed by two brokers; the first listing is kept. */
function uniqueGroups(groups: readonly ListedGroup[]): ListedGroup[] {
  const byId = new Map<string, ListedGroup>();
  for (const g of groups) if (!byId.has(g.groupId)) byId.set(g.groupId, g);
  return [...byId.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

const ABORTED = Symbol('aborted');

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

type Outcome<T> = { status: 'done'; value: T } | { status: 'failed'; error: unknown } | { status: 'not-run' };

/** `work` over `items` with at most `concurrency` at once; nothing new starts, and nothing is awaited, once `signal` aborts. */
export async function mapBounded<I, T>(items: readonly I[], concurrency: number, signal: AbortSignal, work: (item: I) => Promise<T>): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = items.map(() => ({ status: 'not-run' }));
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      try {
        const value = await untilAborted(work(items[i]), signal);
        if (value !== ABORTED) outcomes[i] = { status: 'done', value };
      } catch (error) {
        outcomes[i] = { status: 'failed', error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return outcomes;
}
