'use client';
// Step 4, Time: which field is the event time and how it reads. Ranked candidates with their
// evidence, the format with a live check, and the sample's event times against now and the
// late-message window, bucketed by segment granularity.
import { useState } from 'react';
import { periodToMs } from '@/lib/infer/preview';
import type { Navigate } from './load-wizard';
import { EventTimeChart } from './schema/event-time-chart';
import { GranularitySelect } from './schema/granularity-select';
import { pickTimestamp, setTimestampFormat } from './schema/plan-edits';
import { StepFrame, WarningList } from './schema/step-frame';
import { TimestampCandidates } from './schema/timestamp-candidates';
import { TimestampFormat } from './schema/timestamp-format';
import { useSchemaPlan, type SchemaPlanState } from './use-schema-plan';
import type { LoadUrlState } from './url-state';

const TIME_WARNINGS = ['old-data-latest-offset', 'outside-window', 'no-kafka-time-in-sample', 'unparseable-rows', 'missing-time-column'];

export function TimeStep({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  const schema = useSchemaPlan(state);
  return (
    <StepFrame
      id="time-step"
      title="Choose the event time"
      intro="Druid partitions and queries by time: every row needs one. Pick the field that says when the event happened."
      schema={schema}
      state={state}
      navigate={navigate}
      next={{ label: 'Next: schema', step: 'schema' }}
    >
      <TimeBody schema={schema} />
    </StepFrame>
  );
}

function TimeBody({ schema }: { schema: SchemaPlanState }) {
  const { inference, plan } = schema;
  if (!inference || !plan) return null;
  return (
    <div className="space-y-4">
      <TimestampCandidates candidates={schema.candidates} chosen={plan.timestamp} onPick={(c) => schema.edit((p) => pickTimestamp(p, c))} />
      <TimestampFormat key={`${plan.timestamp.column}|${plan.timestamp.format}`} sample={inference.sample} plan={plan} now={schema.now} onFormat={(f) => schema.edit((p) => setTimestampFormat(p, f))} />
      <div className="flex flex-wrap items-end gap-4">
        <GranularitySelect label="Segment granularity" value={plan.segmentGranularity} onChange={(g) => schema.edit((p) => ({ ...p, segmentGranularity: g }))} />
        <LateWindow key={plan.lateMessageRejectionPeriod ?? ''} value={plan.lateMessageRejectionPeriod} onChange={schema.setLateWindow} />
      </div>
      {schema.previewError && (
        <p role="alert" className="text-sm text-red-700">
          The preview cannot run: {schema.previewError}
        </p>
      )}
      {schema.histogram && <EventTimeChart histogram={schema.histogram} segmentGranularity={plan.segmentGranularity} lateMessageRejectionPeriod={plan.lateMessageRejectionPeriod} />}
      <WarningList warnings={schema.warnings} codes={TIME_WARNINGS} />
    </div>
  );
}

function LateWindow({ value, onChange }: { value?: string; onChange: (value: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  const invalid = text.trim() !== '' && periodToMs(text.trim()) === null;
  const apply = () => {
    if (!invalid && text.trim() !== (value ?? '')) onChange(text.trim() || undefined);
  };
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">Late-message window (lateMessageRejectionPeriod)</span>
      <input
        value={text}
        placeholder="none, or an ISO period such as PT1H"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
        aria-invalid={invalid}
        className={`w-64 rounded-md border px-2 py-1 font-mono ${invalid ? 'border-red-400' : 'border-slate-300'}`}
      />
      {invalid && <span className="text-xs text-red-700">An ISO 8601 period such as PT1H, P1D or P1DT12H.</span>}
    </label>
  );
}
