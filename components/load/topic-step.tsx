'use client';
// Step 1: find a topic by typing part of its name; each row shows partitions, messages, rate and
// how fresh its newest message is.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TopicSummary } from '@/lib/kafka/schemas';
import { topicsQuery } from './api';
import { formatAge, formatRate, formatTopicMessages } from './format';
import type { Navigate } from './load-wizard';
import { loadUrl, type LoadUrlState } from './url-state';

export function TopicStep({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  const topics = useQuery(topicsQuery(state.internal));
  const [filter, setFilter] = useState(state.q);
  // Ages are as of the last refresh, which comes every few seconds.
  const now = topics.dataUpdatedAt;

  const needle = filter.trim().toLowerCase();
  const shown = (topics.data?.topics ?? []).filter((t) => t.name.toLowerCase().includes(needle));

  return (
    <section aria-label="Topics" className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-72 flex-1">
          <label htmlFor="topic-filter" className="block text-sm font-medium text-slate-700">
            Find a topic
          </label>
          <input
            id="topic-filter"
            type="search"
            autoFocus
            value={filter}
            placeholder="Type part of a topic name"
            onChange={(e) => {
              setFilter(e.target.value);
              navigate({ q: e.target.value }, { replace: true });
            }}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none"
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={state.internal} onChange={(e) => navigate({ internal: e.target.checked }, { replace: true })} />
          Show internal topics{topics.data && topics.data.hiddenInternal > 0 && !state.internal ? ` (${topics.data.hiddenInternal} hidden)` : ''}
        </label>
        <Link href={loadUrl({ step: 'sample', source: 'paste' })} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Paste or upload messages instead
        </Link>
      </div>

      {topics.isPending && <p className="text-sm text-slate-500">Reading topics from Kafka…</p>}
      {topics.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">The topic list could not be read.</p>
          <p>{topics.error.message}</p>
          <p className="mt-1">You can still paste or upload messages instead.</p>
        </div>
      )}
      {topics.data && (
        <>
          <p className="text-sm text-slate-500" aria-live="polite">
            {shown.length === topics.data.topics.length ? `${shown.length} topics` : `${shown.length} of ${topics.data.topics.length} topics match “${filter.trim()}”`}
          </p>
          {topics.data.topics.length === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600">This Kafka cluster has no topics{topics.data.hiddenInternal ? ' other than internal ones' : ''}. Create one with your usual tools, or paste messages instead.</p>
          ) : (
            <TopicTable topics={shown} now={now} state={state} />
          )}
        </>
      )}
    </section>
  );
}

function TopicTable({ topics, now, state }: { topics: TopicSummary[]; now: number; state: LoadUrlState }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">Topic</th>
            <th className="px-4 py-2 text-right">Partitions</th>
            <th className="px-4 py-2 text-right" title="Latest minus earliest offset; an upper bound on compacted topics">Messages</th>
            <th className="px-4 py-2 text-right">Rate</th>
            <th className="px-4 py-2 text-right">Newest message</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {topics.map((t) => (
            <tr key={t.name} className="hover:bg-brand-50">
              <td className="px-4 py-2">
                <Link href={loadUrl({ step: 'sample', topic: t.name, limit: state.limit })} className="font-medium text-brand-700 hover:underline">
                  {t.name}
                </Link>
                {t.internal && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-500">internal</span>}
                {t.problems.length > 0 && (
                  <span className="ml-2 text-xs text-amber-700" title={t.problems.join('\n')}>
                    ⚠ {t.problems.length} partition problem{t.problems.length > 1 ? 's' : ''}
                  </span>
                )}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{t.partitionCount}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatTopicMessages(t)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatRate(t.ratePerSec)}</td>
              <td className="px-4 py-2 text-right tabular-nums" title={t.newestTimestamp ? new Date(t.newestTimestamp).toISOString() : undefined}>
                {t.messages === '0' ? 'empty' : formatAge(t.newestTimestamp, now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
