// Per-partition offsets: where the supervisor's tasks are, where the topic ends, and the gap.
import type { PartitionRow } from '@/lib/operate';
import { formatCount } from './format';

export function PartitionsTable({ partitions }: { partitions: readonly PartitionRow[] }) {
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
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {partitions.map((row) => (
            <tr key={row.partition}>
              <td className="px-3 py-1.5">{row.partition}</td>
              <td className="px-3 py-1.5 text-right">{formatCount(row.currentOffset)}</td>
              <td className="px-3 py-1.5 text-right">{formatCount(row.latestOffset)}</td>
              <td className={`px-3 py-1.5 text-right ${row.lag !== null && row.lag !== '0' ? 'font-medium' : 'text-slate-500'}`}>{formatCount(row.lag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
