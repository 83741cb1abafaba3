'use client';
// Step 2 for a Kafka topic: the topic's partitions, the sample settings, the sample streaming in
// with progress and cancel, and the records it read.
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { topicQuery } from './api';
import type { Navigate } from './load-wizard';
import { RecordsView } from './records-view';
import { useKeepRecordsInDraft } from './draft/use-draft-records';
import { publishSampledRecords } from './sampled-records';
import { SampleProgressPanel } from './sample-progress';
import { SampleSettings } from './sample-settings';
import { TopicOverview } from './topic-overview';
import { useSample } from './use-sample';
import { loadUrl, toSampleRequest, type LoadUrlState } from './url-state';

export function SampleStep({ topic, state, navigate }: { topic: string; state: LoadUrlState; navigate: Navigate }) {
  const detail = useQuery(topicQuery(topic));
  const missing = detail.isError && 'status' in detail.error && detail.error.status === 404;
  const request = toSampleRequest(state);
  const sample = useSample(missing ? undefined : topic, request);
  const finished = sample.status === 'done' || sample.status === 'cancelled';
  useEffect(() => {
    // A finished (or cancelled) sample is what the next steps parse; a running one is not yet.
    publishSampledRecords(finished && sample.records.length > 0 ? { source: { kind: 'kafka', topic }, records: sample.records } : undefined);
  }, [finished, sample.records, topic]);
  useKeepRecordsInDraft(finished ? { kind: 'kafka', topic } : undefined, sample.records);

  return (
    <section aria-labelledby="sample-step-title" className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="sample-step-title" className="text-xl font-semibold">
          Topic <span className="font-mono">{topic}</span>
        </h2>
        <Link href={loadUrl({ step: 'topic', limit: state.limit })} className="text-sm text-brand-700 hover:underline">
          Choose another topic
        </Link>
      </div>

      {detail.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>{detail.error.message}</p>
          {missing && (
            <p className="mt-1">
              <Link href={loadUrl({ step: 'topic', q: topic.slice(0, 3) })} className="underline">
                Search the topic list
              </Link>{' '}
              or check the name in the link.
            </p>
          )}
        </div>
      )}
      {detail.data && <TopicOverview topic={detail.data} />}

      {!missing && (
        <>
          <SampleSettings state={state} running={sample.status === 'running'} navigate={navigate} onSameSettings={sample.rerun} />
          <SampleProgressPanel sample={sample} />
          {sample.records.length > 0 && (
            <RecordsView records={sample.records} find={state.find} onFind={(find) => navigate({ find }, { replace: true })} />
          )}
        </>
      )}
    </section>
  );
}
