// Per-partition offsets: where the supervisor's tasks are, where the topic ends, the gap, and how
// old the oldest unread message is.
import type { PartitionRow } from '@/lib/operate';
import { formatCount, formatDuration } from './format';

type Row = PartitionRow & { readonly timeLagMs?: number | null };

export function PartitionsTable({ partitions }: { partitions: readonly Row[] }) {
  const timed = partitions.some((row) => row.timeLagMs !== undefined);
  if (partitions.length === 0) return <p className="text-sm text-slate-500">Druid has not reported any partition offsets yet.</p>;
  return (
    <div className="max-h-80 overflow-auto rounded border border-slate-200">
      <table aria-label="Partitions" className="min-w-full text-sm">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-1.5">Partition</th>
            <th scope="col" className="px-3 py-1.5 text-right">Current offset</th>
            <th scope="col" className="px-3 py-1.5 text-right">Latest offset</th>
            <th scope="col" className="px-3 py-1.5 text-right">Lag</th>
            {timed && <th scope="col" className="px-3 py-1.5 text-right">Time lag</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {partitions.map((row) => (
            <tr key={row.partition}>
              <td className="px-3 py-1.5">{row.partition}</td>
              <td className="px-3 py-1.5 text-right">{formatCount(row.currentOffset)}</td>
              <td className="px-3 py-1.5 text-right">{formatCount(row.latestOffset)}</td>
              <td className={`px-3 py-1.5 text-right ${row.lag !== null && row.lag !== '0' ? 'font-medium' : 'text-slate-500'}`}>{formatCount(row.lag)}</td>
              {timed && <td className="px-3 py-1.5 text-right">{row.timeLagMs === 0 ? '0 s' : formatDuration(row.timeLagMs)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
