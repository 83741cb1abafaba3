'use client';
// The consumer groups that committed offsets on a topic: state, members, and lag per partition and in total.
import type { TopicConsumerGroup, TopicConsumerGroups } from '@/lib/kafka/schemas';
import { formatCount } from './format';

export const NO_GROUPS_TEXT = "No consumer group has committed offsets on this topic; Druid's Kafka ingestion tracks its own offsets.";

export function TopicConsumerGroupsView({ consumerGroups }: { consumerGroups: TopicConsumerGroups }) {
  const { groups, problems, checked } = consumerGroups;
  return (
    <section aria-label="Consumer groups" className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <h3 className="text-sm font-medium text-slate-700">Consumer groups</h3>
      {groups.length === 0 && <NoGroups checked={checked} complete={problems.length === 0} />}
      {groups.length > 0 && (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-4">Group</th>
                <th className="py-1 pr-4">State</th>
                <th className="py-1 pr-4 text-right">Members</th>
                <th className="py-1 pr-4 text-right">Lag</th>
                <th className="py-1 pr-4">Committed offset and lag per partition</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <GroupRow key={g.groupId} group={g} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <div role="status" className="mt-2 space-y-0.5 text-xs text-amber-800">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </section>
  );
}

/** Says none reads the topic only as far as Kafka answered: with problems, only of the groups checked. */
function NoGroups({ checked, complete }: { checked: number; complete: boolean }) {
  if (complete) return <p className="mt-1 text-sm text-slate-600">{NO_GROUPS_TEXT}</p>;
  if (checked === 0) return null;
  return (
    <p className="mt-1 text-sm text-slate-600">
      None of the {checked} consumer groups checked has committed offsets on this topic; Druid&apos;s Kafka ingestion tracks its own offsets.
    </p>
  );
}

function GroupRow({ group }: { group: TopicConsumerGroup }) {
  const committed = group.partitions.filter((p) => p.committedOffset !== null);
  return (
    <tr className="align-top" data-group={group.groupId}>
      <td className="py-1 pr-4 font-mono text-xs">{group.groupId}</td>
      <td className="py-1 pr-4" title={group.describeError}>
        {group.state ?? 'unknown'}
      </td>
      <td className="py-1 pr-4 text-right tabular-nums">{group.members ?? '—'}</td>
      <td className="py-1 pr-4 text-right font-medium tabular-nums" data-testid="total-lag">
        {formatCount(group.totalLag)}
      </td>
      <td className="py-1 pr-4">
        <ul className="font-mono text-xs text-slate-600">
          {committed.map((p) => (
            <li key={p.partition}>
              {p.partition}: {formatCount(p.committedOffset)} (lag {formatCount(p.lag)})
            </li>
          ))}
          {committed.length < group.partitions.length && (
            <li className="text-slate-400">{group.partitions.length - committed.length} partitions without a committed offset</li>
          )}
        </ul>
        {group.describeError && <p className="text-xs text-amber-800">State and members unknown: {group.describeError}.</p>}
      </td>
    </tr>
  );
}
