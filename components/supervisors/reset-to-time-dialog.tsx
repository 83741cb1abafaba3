'use client';
// Resetting a supervisor's offsets to a point in time: pick a UTC time (or earliest / latest), see
// per partition where Druid reads now, where it would read, and how many records that skips or
// reads again, then type the supervisor's id to send it. Tributary looks the offsets up again when sending.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResetPartition, ResetPreview } from '@/lib/operate/reset-preview';
import { resetPreviewQuery } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { formatCount } from './format';
import { choiceFromParam, choiceTime, localNote, utcInputValue, type TimeChoice } from './reset-to-time-choice';

const PICK = 'rounded border px-2 py-1 text-xs font-medium';
const pickClass = (on: boolean) => `${PICK} ${on ? 'border-brand-500 bg-brand-50 text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`;

export function ResetToTimeDialog({ id, initialTime, busy, onSend, onCancel }: { id: string; initialTime: string | null; busy: boolean; onSend: (time: string) => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<TimeChoice>(() => choiceFromParam(initialTime, Date.now()));
  const time = choiceTime(choice);
  const preview = useQuery({ ...resetPreviewQuery(id, time ?? ''), enabled: time !== undefined });
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const note = localNote(choice, timeZone);

  return (
    <ConfirmDialog
      title={`Reset ${id} to a point in time`}
      confirmLabel="Reset offsets"
      typeToConfirm={id}
      busy={busy}
      canConfirm={preview.isSuccess && time !== undefined}
      onConfirm={() => time && onSend(time)}
      onCancel={onCancel}
    >
      <p>Druid will read each partition from its first message at or after this time. The offsets are looked up in Kafka again when you send.</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span className="block text-xs font-medium text-slate-600">Time (UTC)</span>
          <input
            type="datetime-local"
            step={1}
            aria-label="Time (UTC)"
            value={choice.kind === 'at' ? choice.utc : ''}
            onChange={(e) => setChoice({ kind: 'at', utc: e.target.value })}
            className="mt-1 rounded border border-slate-300 px-2 py-1 font-mono text-sm"
          />
        </label>
        <button type="button" className={pickClass(false)} onClick={() => setChoice({ kind: 'at', utc: utcInputValue(Date.now() - 3_600_000) })}>
          1 hour ago
        </button>
        <button type="button" className={pickClass(choice.kind === 'earliest')} aria-pressed={choice.kind === 'earliest'} onClick={() => setChoice({ kind: 'earliest' })}>
          Earliest
        </button>
        <button type="button" className={pickClass(choice.kind === 'latest')} aria-pressed={choice.kind === 'latest'} onClick={() => setChoice({ kind: 'latest' })}>
          Latest
        </button>
      </div>
      <p className="text-xs text-slate-500">
        {choice.kind === 'at' ? (note ?? 'Give a date and a time.') : choice.kind === 'earliest' ? 'The oldest message Kafka still keeps in each partition.' : 'The end of each partition: only messages written from now on.'}
      </p>
      {preview.isFetching && !preview.data && <p className="text-xs text-slate-500">Looking the offsets up in Kafka…</p>}
      {preview.isError && (
        <p role="alert" className="text-xs text-rose-800">
          {preview.error.message}
        </p>
      )}
      {preview.data && <PreviewTable preview={preview.data} />}
    </ConfirmDialog>
  );
}

function PreviewTable({ preview }: { preview: ResetPreview }) {
  const largest = preview.partitions.reduce((max, p) => [p.skipped, p.replayed].reduce((m, v) => (v !== null && BigInt(v) > m ? BigInt(v) : m), max), 0n);
  return (
    <div className="space-y-1" data-testid="reset-preview">
      <table className="w-full text-xs tabular-nums">
        <thead className="text-left uppercase text-slate-500">
          <tr>
            <th className="py-1">Partition</th>
            <th className="py-1 text-right">Reads now</th>
            <th className="py-1 text-right">Moves to</th>
            <th className="py-1 text-right">Skipped</th>
            <th className="py-1 text-right">Read again</th>
          </tr>
        </thead>
        <tbody>
          {preview.partitions.map((p) => (
            <PreviewRow key={p.partition} row={p} largest={largest} />
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-medium">
          <tr data-testid="reset-totals">
            <td className="py-1" colSpan={3}>
              All {preview.partitions.length} partitions of {preview.topic} ({formatCount(preview.totals.messages)} messages kept)
            </td>
            <td className="py-1 text-right" data-testid="total-skipped">
              {formatCount(preview.totals.skipped)}
            </td>
            <td className="py-1 text-right" data-testid="total-replayed">
              {formatCount(preview.totals.replayed)}
            </td>
          </tr>
        </tfoot>
      </table>
      {preview.notes.map((note) => (
        <p key={note} className="text-xs text-amber-800">
          {note}
        </p>
      ))}
    </div>
  );
}

function PreviewRow({ row, largest }: { row: ResetPartition; largest: bigint }) {
  const bar = (value: string | null, tone: string) => {
    if (value === null || value === '0' || largest === 0n) return null;
    const percent = Number((BigInt(value) * 100n) / largest);
    return <span aria-hidden className={`ml-1 inline-block h-1.5 align-middle ${tone}`} style={{ width: `${Math.max(2, percent * 0.4)}px` }} />;
  };
  return (
    <tr data-partition={row.partition}>
      <td className="py-1">{row.partition}</td>
      <td className="py-1 text-right">{row.currentOffset ?? '—'}</td>
      <td className="py-1 text-right" title={row.targetTime ? `The message there was written at ${row.targetTime}` : 'The end of the partition'}>
        {row.targetOffset}
      </td>
      <td className="py-1 text-right" data-testid="skipped">
        {row.skipped ?? '—'}
        {bar(row.skipped, 'bg-rose-400')}
      </td>
      <td className="py-1 text-right" data-testid="replayed">
        {row.replayed ?? '—'}
        {bar(row.replayed, 'bg-amber-400')}
      </td>
    </tr>
  );
}
