'use client';
// The topic page's facts: partitions with leaders, replicas and offsets, its configs where known,
// and the consumer groups reading it.
import type { TopicDetail } from '@/lib/kafka/schemas';
import { formatCount, formatRate, formatTimestamp, formatTopicMessages } from './format';
import { TopicConsumerGroupsView } from './topic-consumer-groups';

export function TopicOverview({ topic }: { topic: TopicDetail }) {
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Fact label="Partitions" value={String(topic.partitionCount)} />
        <Fact label="Messages" value={formatTopicMessages(topic)} />
        <Fact label="Rate" value={formatRate(topic.ratePerSec)} />
        <Fact label="Newest message" value={formatTimestamp(topic.newestTimestamp)} />
        <Fact label="Replication" value={String(topic.replicationFactor)} />
      </dl>
      {topic.retention ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Fact label="Retention" value={topic.retention.time} />
          <Fact label="Retention size" value={topic.retention.size} />
          <Fact label="Cleanup policy" value={topic.retention.cleanupPolicy} />
        </dl>
      ) : (
        topic.configNote && <p className="text-xs text-slate-500">{topic.configNote}</p>
      )}
      {topic.problems.length > 0 && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {topic.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <TopicConsumerGroupsView consumerGroups={topic.consumerGroups} />
      <details className="rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">Partitions and configuration</summary>
        <div className="overflow-x-auto px-4 pb-3">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-4">Partition</th>
                <th className="py-1 pr-4">Leader</th>
                <th className="py-1 pr-4">Replicas (in sync)</th>
                <th className="py-1 pr-4 text-right">Earliest offset</th>
                <th className="py-1 pr-4 text-right">Latest offset</th>
                <th className="py-1 pr-4 text-right">Messages</th>
                <th className="py-1 pr-4">Newest message</th>
              </tr>
            </thead>
            <tbody className="font-mono text-xs">
              {topic.partitions.map((p) => (
                <tr key={p.partition} className={p.error ? 'text-amber-800' : undefined} title={p.error}>
                  <td className="py-1 pr-4">{p.partition}</td>
                  <td className="py-1 pr-4">{p.leader ?? 'none'}</td>
                  <td className="py-1 pr-4">
                    {p.replicas.join(', ')} ({p.isr.join(', ')})
                  </td>
                  <td className="py-1 pr-4 text-right">{p.earliestOffset ?? 'unknown'}</td>
                  <td className="py-1 pr-4 text-right">{p.latestOffset ?? 'unknown'}</td>
                  <td className="py-1 pr-4 text-right">{formatCount(p.messages)}</td>
                  <td className="py-1 pr-4">{formatTimestamp(p.newestTimestamp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {topic.configs && (
            <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-xs sm:grid-cols-3">
              {Object.entries(topic.configs).map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="font-mono">{v ?? 'default'}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </details>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm font-medium tabular-nums">{value}</dd>
    </div>
  );
}
