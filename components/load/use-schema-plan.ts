'use client';
// The schema plan of the wizard's Parse, Time and Schema steps: inference runs once per sample,
// its plan is stored in the draft, and from then on the draft holds the user's edits. Every
// edit re-previews in the browser at once, with the warnings that apply to the plan as it is.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { previewPlan, type LoadPlan, type Preview, type TimestampCandidate, type Warning } from '@/lib/infer';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { defaultDraftName, type DraftSource } from './draft/draft';
import { useDraft, useDraftStatus } from './draft/draft-store';
import { useSampledRecords } from './sampled-records';
import { eventTimeHistogram, type EventTimeHistogram } from './schema/histogram';
import { liveWarnings } from './schema/plan-checks';
import { analyzeDecode, planForDecode } from './schema/redecode';
import { runInference, sampleKey, type Inference } from './schema/run-inference';
import { draftIdOf, type LoadUrlState } from './url-state';

export const inferenceKeys = {
  sample: (draftId: string, key: number) => ['load', 'drafts', draftId, 'inference', key] as const,
};

const inferenceQuery = (draftId: string, records: readonly SampleRecord[] | undefined) =>
  queryOptions({
    queryKey: inferenceKeys.sample(draftId, records ? sampleKey(records) : 0),
    queryFn: ({ signal }) => runInference(records ?? [], signal),
    enabled: records !== undefined && records.length > 0,
    staleTime: Infinity,
    retry: false,
    // The prepared sample is a non-enumerable property of the result: keep the object as it is.
    structuralSharing: false,
  });

export function draftSourceOf(state: LoadUrlState): DraftSource {
  return state.source === 'paste' || !state.topic ? { kind: 'paste' } : { kind: 'kafka', topic: state.topic };
}

export type PlanEdit = (plan: LoadPlan) => LoadPlan;

export function useSchemaPlan(state: LoadUrlState) {
  const source = draftSourceOf(state);
  const draftId = draftIdOf(state) ?? 'paste:default';
  const [draft, updateDraft] = useDraft(draftId, { name: defaultDraftName(source), source });
  const { recordsLoading } = useDraftStatus(draftId);
  const sampled = useSampledRecords();
  const sampledHere = sampled && (sampled.source.kind === 'paste' ? source.kind === 'paste' : source.kind === 'kafka' && sampled.source.topic === source.topic);
  const records = draft?.records ?? (sampledHere ? sampled.records : undefined);
  const inference = useQuery(inferenceQuery(draftId, records));
  const [now] = useState(() => Date.now());

  const inferred = inference.data;
  const hasSchema = draft?.schema !== undefined;
  useEffect(() => {
    // The first plan is inference's; from then on the draft holds the user's edits.
    if (inferred && !hasSchema) updateDraft({ schema: inferred.result.plan });
  }, [inferred, hasSchema, updateDraft]);

  // The review step's io settings win over the plan's window (it builds the spec that way), so show that one.
  const ioLateWindow = draft?.io?.lateMessageRejectionPeriod;
  const stored = draft?.schema ?? inferred?.result.plan;
  const plan = useMemo(() => (stored && ioLateWindow !== undefined ? { ...stored, lateMessageRejectionPeriod: ioLateWindow || undefined } : stored), [stored, ioLateWindow]);
  const edit = useCallback(
    (change: PlanEdit) => updateDraft((d) => (d.schema ?? plan ? { schema: change((d.schema ?? plan) as LoadPlan) } : {})),
    [updateDraft, plan],
  );
  const setLateWindow = useCallback(
    (period: string | undefined) =>
      updateDraft((d) => ({
        ...(d.schema ? { schema: { ...d.schema, lateMessageRejectionPeriod: period } } : {}),
        ...(d.io?.lateMessageRejectionPeriod !== undefined ? { io: { ...d.io, lateMessageRejectionPeriod: period } } : {}),
      })),
    [updateDraft],
  );
  const reinfer = useCallback(() => {
    if (inferred) updateDraft({ schema: inferred.result.plan });
  }, [inferred, updateDraft]);

  const shown = useDeferredValue(plan);
  const analysis = useDecodeAnalysis(inferred, shown, now);
  const checked = useMemo(() => check(inferred, shown, now, draft?.io?.useEarliestOffset), [inferred, shown, now, draft?.io?.useEarliestOffset]);

  return {
    draftId,
    records,
    status: !records?.length ? (recordsLoading ? ('loading-records' as const) : ('no-records' as const)) : inference.isError ? ('failed' as const) : !inferred || !plan ? ('inferring' as const) : ('ready' as const),
    error: inference.error?.message,
    inference: inferred,
    plan,
    edit,
    reinfer,
    setLateWindow,
    /** Re-reads the sample under new decode settings, keeping the columns the user edited. */
    redecode: useCallback(
      (decode: LoadPlan['decode']) => {
        if (inferred) edit((p) => planForDecode(p, decode, analyzeDecode(inferred.sample, decode, now)));
      },
      [edit, inferred, now],
    ),
    candidates: analysis,
    now,
    ...checked,
  };
}

export type SchemaPlanState = ReturnType<typeof useSchemaPlan>;

function sameDecode(a: LoadPlan['decode'], b: LoadPlan['decode']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Timestamp candidates for the plan's decode settings: inference's own, or ranked again after a format change. */
function useDecodeAnalysis(inferred: Inference | undefined, plan: LoadPlan | undefined, now: number): readonly TimestampCandidate[] {
  const decode = plan?.decode;
  return useMemo(() => {
    if (!inferred || !decode) return [];
    if (sameDecode(decode, inferred.result.plan.decode)) return inferred.result.timestampCandidates;
    return analyzeDecode(inferred.sample, decode, now).candidates;
  }, [inferred, decode, now]);
}

interface Checked {
  readonly preview?: Preview;
  /** Event times of every parsed row, those the late-message window drops included, so the chart can show them. */
  readonly histogram?: EventTimeHistogram;
  readonly previewError?: string;
  readonly warnings: readonly Warning[];
}

function check(inferred: Inference | undefined, plan: LoadPlan | undefined, now: number, useEarliestOffset: boolean | undefined): Checked {
  if (!inferred || !plan) return { warnings: [] };
  try {
    const preview = previewPlan(inferred.sample, plan, { now });
    const hasKafkaTimes = inferred.sample.records.every((r) => r.kafkaTime !== undefined);
    // The preview leaves out rows the late-message window drops; the chart and its warning count them.
    const all = plan.lateMessageRejectionPeriod ? previewPlan(inferred.sample, { ...plan, lateMessageRejectionPeriod: undefined }, { now }) : preview;
    const lateWindowStart = preview.histogram.lateWindowStart;
    const histogram = eventTimeHistogram(all.eventTimes, plan.segmentGranularity, now, lateWindowStart);
    const warnings = liveWarnings({ plan, preview, now, useEarliestOffset, hasKafkaTimes, fromInference: inferred.result.warnings, allEventTimes: all.eventTimes, lateWindowStart });
    return { preview, histogram, warnings };
  } catch (error) {
    // A half-typed regex or Joda pattern: say what is wrong, keep the plan as the user typed it.
    return { previewError: error instanceof Error ? error.message : String(error), warnings: [] };
  }
}
