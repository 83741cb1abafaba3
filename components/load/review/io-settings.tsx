'use client';
// The supervisor settings beside the schema: datasource, where reading starts, tasks, late
// messages, start suspended. Values show what the spec says, so hand edits to the JSON show here.
import { useState, type ReactNode } from 'react';
import type { DraftIoSettings } from '../draft/draft';

interface IoSettingsProps {
  readonly values: DraftIoSettings;
  readonly onChange: (changes: Partial<DraftIoSettings>) => void;
  /** Messages already in the topic, when known, to spell out what each start means. */
  readonly messagesInTopic?: string | null;
  readonly partitionCount?: number;
  /** Pasted messages name no topic: the form asks for it. */
  readonly asksTopic?: boolean;
}

export function IoSettings({ values, onChange, messagesInTopic, partitionCount, asksTopic }: IoSettingsProps) {
  const backlog = messagesInTopic ? `the ${Number(messagesInTopic).toLocaleString('en-US')} messages` : 'the messages';
  const unanswered = values.useEarliestOffset === undefined;
  return (
    <form aria-label="Supervisor settings" onSubmit={(e) => e.preventDefault()} className="grid gap-4 rounded-md border border-slate-200 bg-white p-4 text-sm md:grid-cols-2">
      {asksTopic && <TextField label="Topic" value={values.topic ?? ''} onCommit={(topic) => onChange({ topic: topic || undefined })} hint="The Kafka topic the supervisor reads; the pasted messages stand for it." />}
      <TextField label="Datasource" value={values.datasource ?? ''} onCommit={(datasource) => onChange({ datasource })} hint="The table the rows go to; the supervisor takes its name." />
      <fieldset className={`space-y-1 md:row-span-2 ${unanswered ? 'rounded-md border border-amber-400 bg-amber-50 p-2' : ''}`}>
        <legend className="font-medium">Where reading starts</legend>
        {unanswered && <p className="text-amber-900">Choose one: Druid&apos;s default would skip what is already in the topic without saying so.</p>}
        <label className="flex items-start gap-2">
          <input type="radio" name="start" checked={values.useEarliestOffset === true} onChange={() => onChange({ useEarliestOffset: true })} className="mt-1" />
          <span>
            Earliest offset: ingest {backlog} already in the topic, then new ones as they arrive.
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="start" checked={values.useEarliestOffset === false} onChange={() => onChange({ useEarliestOffset: false })} className="mt-1" />
          <span>Latest offset: only messages that arrive after the supervisor starts; {backlog} in the topic now are never ingested.</span>
        </label>
        <p className="text-slate-500">This applies the first time only: later, Druid continues from the offsets it has stored.</p>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <NumberField label="Task count" value={values.taskCount} onCommit={(taskCount) => onChange({ taskCount })} hint={partitionCount ? `At most ${partitionCount}, one per partition.` : undefined} />
        <NumberField label="Replicas" value={values.replicas} onCommit={(replicas) => onChange({ replicas })} />
      </div>
      <TextField label="Task duration" value={values.taskDuration ?? ''} onCommit={(taskDuration) => onChange({ taskDuration: taskDuration || undefined })} hint="An ISO 8601 period such as PT1H: how long a task reads before it publishes." />
      <TextField
        label="Late message rejection period"
        value={values.lateMessageRejectionPeriod ?? ''}
        onCommit={(late) => onChange({ lateMessageRejectionPeriod: late || undefined })}
        hint="Such as PT1H: messages older than this when their task starts are thrown away. Empty keeps them all."
      />
      <label className="flex items-center gap-2 md:col-span-2">
        <input type="checkbox" checked={values.startSuspended === true} onChange={(e) => onChange({ startSuspended: e.target.checked })} />
        <span>Start suspended: create the supervisor without reading until you resume it.</span>
      </label>
    </form>
  );
}

/** An input that keeps what is typed while focused, and shows the spec's value otherwise. */
function useEditable(value: string): [string, (v: string) => void, { onFocus: () => void; onBlur: () => void }] {
  const [focused, setFocused] = useState(false);
  const [typed, setTyped] = useState(value);
  const onFocus = () => {
    setTyped(value);
    setFocused(true);
  };
  return [focused ? typed : value, setTyped, { onFocus, onBlur: () => setFocused(false) }];
}

function Labelled({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block space-y-1">
      <span className="font-medium">{label}</span>
      {children}
      {hint && <span className="block text-slate-500">{hint}</span>}
    </label>
  );
}

function TextField({ label, value, onCommit, hint }: { label: string; value: string; onCommit: (v: string) => void; hint?: string }) {
  const [shown, setShown, focus] = useEditable(value);
  return (
    <Labelled label={label} hint={hint}>
      <input
        value={shown}
        {...focus}
        onChange={(e) => {
          setShown(e.target.value);
          onCommit(e.target.value.trim());
        }}
        className="w-full rounded border border-slate-300 px-2 py-1 font-mono"
      />
    </Labelled>
  );
}

function NumberField({ label, value, onCommit, hint }: { label: string; value: number | undefined; onCommit: (v: number) => void; hint?: string }) {
  const [shown, setShown, focus] = useEditable(value === undefined ? '' : String(value));
  return (
    <Labelled label={label} hint={hint}>
      <input
        type="number"
        min={1}
        value={shown}
        {...focus}
        onChange={(e) => {
          setShown(e.target.value);
          const n = Number(e.target.value);
          // Half-typed numbers stay in the box; only whole positive ones reach the spec.
          if (e.target.value !== '' && Number.isInteger(n) && n > 0) onCommit(n);
        }}
        className="w-full rounded border border-slate-300 px-2 py-1"
      />
    </Labelled>
  );
}
