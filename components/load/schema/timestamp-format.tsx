'use client';
// The timestamp format with a live check: how many of the sample's values each format reads,
// so a wrong unit or pattern shows before Druid throws the rows away.
import { useMemo, useState } from 'react';
import { KAFKA_TIMESTAMP_COLUMN, previewPlan, type LoadPlan, type PreparedSample } from '@/lib/infer';
import { describeFormat } from '@/lib/infer/timestamp/describe';

export const TIMESTAMP_FORMATS = ['iso', 'auto', 'millis', 'posix', 'micro', 'nano'] as const;

export interface FormatCheck {
  readonly parsed: number;
  readonly total: number;
  readonly error?: string;
}

/** How many parsed rows' timestamps read under a format (rows that fail to decode do not count). */
export function checkTimestampFormat(sample: PreparedSample, plan: LoadPlan, format: string, now: number): FormatCheck {
  const time = plan.columns.filter((c) => c.name === plan.timestamp.column);
  const trial: LoadPlan = { ...plan, columns: time, rollup: false, lateMessageRejectionPeriod: undefined, timestamp: { ...plan.timestamp, format, fractionalSeconds: undefined } };
  try {
    const decodable = previewPlan(sample, { ...trial, timestamp: { column: KAFKA_TIMESTAMP_COLUMN, format: 'millis' } }, { now });
    const read = previewPlan(sample, trial, { now });
    return { parsed: read.rowsParsed, total: decodable.rowsParsed };
  } catch (error) {
    return { parsed: 0, total: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

interface TimestampFormatProps {
  readonly sample: PreparedSample;
  readonly plan: LoadPlan;
  readonly now: number;
  readonly onFormat: (format: string) => void;
}

export function TimestampFormat({ sample, plan, now, onFormat }: TimestampFormatProps) {
  const current = plan.timestamp.fractionalSeconds ? 'fractional' : plan.timestamp.format;
  const isPattern = !(TIMESTAMP_FORMATS as readonly string[]).includes(current) && current !== 'fractional';
  const [pattern, setPattern] = useState(isPattern ? current : 'yyyy-MM-dd HH:mm:ss');
  const [editing, setEditing] = useState(isPattern);
  const checked = useMemo(() => checkTimestampFormat(sample, plan, editing ? pattern : plan.timestamp.format, now), [sample, plan, editing, pattern, now]);
  if (plan.timestamp.column === KAFKA_TIMESTAMP_COLUMN) return <p className="text-sm text-slate-600">The Kafka record timestamp is epoch millis on every record: nothing to parse.</p>;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Format of {plan.timestamp.column}</span>
        <select
          aria-label="Timestamp format"
          value={editing ? 'pattern' : current}
          onChange={(e) => {
            const value = e.target.value;
            setEditing(value === 'pattern');
            if (value !== 'pattern') onFormat(value);
          }}
          className="rounded-md border border-slate-300 px-2 py-1"
        >
          {plan.timestamp.fractionalSeconds && <option value="fractional">fractional epoch seconds</option>}
          {TIMESTAMP_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f} ({describeFormat(f)})
            </option>
          ))}
          <option value="pattern">Joda pattern…</option>
        </select>
      </label>
      {editing && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!checked.error) onFormat(pattern);
          }}
        >
          <input aria-label="Joda pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} className="w-64 rounded-md border border-slate-300 px-2 py-1 font-mono" />
          <button type="submit" disabled={Boolean(checked.error)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-50">
            Use this pattern
          </button>
        </form>
      )}
      <p data-testid="format-check" role="status" className={checked.error || checked.parsed < checked.total ? 'text-amber-800' : 'text-slate-600'}>
        {checked.error
          ? `This pattern cannot be used: ${checked.error}`
          : `${checked.parsed.toLocaleString('en-US')} of ${checked.total.toLocaleString('en-US')} values parse as ${editing ? `pattern ${pattern}` : describeFormat(plan.timestamp.format, plan.timestamp.fractionalSeconds)}.`}
      </p>
    </div>
  );
}
