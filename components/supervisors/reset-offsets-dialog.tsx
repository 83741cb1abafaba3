'use client';
// Moving a supervisor's stored offsets, partition by partition. Offsets stay strings from the
// input to the Overlord, so offsets beyond 2^53 are sent exactly as typed.
import { useState } from 'react';
import type { PartitionRow } from '@/lib/operate';
import { ConfirmDialog } from './confirm-dialog';

const OFFSET = /^\d{1,19}$/;

/** The partitions whose offset the user changed, or the first problem with what was typed. */
export function offsetsToMove(partitions: readonly PartitionRow[], typed: Readonly<Record<string, string>>): { partitions: Record<string, string> } | { problem: string } {
  const moved: Record<string, string> = {};
  for (const row of partitions) {
    const value = (typed[row.partition] ?? '').trim();
    if (value === '' || value === (row.currentOffset ?? '')) continue;
    if (!OFFSET.test(value)) return { problem: `Partition ${row.partition}: "${value}" is not an offset; type a whole number such as 0 or 1200.` };
    moved[row.partition] = value;
  }
  if (Object.keys(moved).length === 0) return { problem: 'Change the offset of at least one partition.' };
  return { partitions: moved };
}

export function ResetOffsetsDialog({ partitions, busy, onMove, onCancel }: { partitions: readonly PartitionRow[]; busy: boolean; onMove: (partitions: Record<string, string>) => void; onCancel: () => void }) {
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(partitions.map((row) => [row.partition, row.currentOffset ?? ''])));
  const check = offsetsToMove(partitions, typed);
  return (
    <ConfirmDialog title="Move stored offsets" confirmLabel="Move offsets" busy={busy} canConfirm={'partitions' in check} onConfirm={() => 'partitions' in check && onMove(check.partitions)} onCancel={onCancel}>
      <p>
        The supervisor will read each changed partition from the offset you give. A lower offset re-reads messages (rows may be ingested twice); a higher one skips
        them.
      </p>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Partition</th>
            <th className="py-1">Latest</th>
            <th className="py-1">Read from</th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((row) => (
            <tr key={row.partition}>
              <td className="py-1 tabular-nums">{row.partition}</td>
              <td className="py-1 tabular-nums text-slate-500">{row.latestOffset ?? '—'}</td>
              <td className="py-1">
                <input
                  aria-label={`Offset for partition ${row.partition}`}
                  inputMode="numeric"
                  value={typed[row.partition] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [row.partition]: e.target.value })}
                  className="w-44 rounded border border-slate-300 px-2 py-1 font-mono text-sm"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {'problem' in check && <p className="text-xs text-amber-800">{check.problem}</p>}
    </ConfirmDialog>
  );
}
