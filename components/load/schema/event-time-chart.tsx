'use client';
// Event times of the sample by segment granularity: where the data sits against now and the
// late-message window, which is what decides whether Druid keeps it.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Granularity } from '@/lib/infer';
import { bucketLabel, type EventTimeHistogram } from './histogram';

const COLORS = { kept: '#2563eb', late: '#dc2626', future: '#d97706' };

export function EventTimeChart({ histogram, segmentGranularity, lateMessageRejectionPeriod }: { histogram: EventTimeHistogram; segmentGranularity: Granularity; lateMessageRejectionPeriod?: string }) {
  const data = histogram.buckets.map((b) => ({ ...b, label: bucketLabel(b.start, histogram.granularity) }));
  if (data.length === 0) return <p className="text-sm text-slate-500">No event time could be read, so there is nothing to chart.</p>;
  const nowBucket = data.find((b) => b.now);
  const lastLate = [...data].reverse().find((b) => b.late);
  const by = histogram.granularity.replace('_', ' ');
  return (
    <figure data-testid="event-time-histogram" className="rounded-md border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 text-sm text-slate-700">
        {histogram.total.toLocaleString('en-US')} events from {data[0].label} to {data[data.length - 1].label} by {by}
        {histogram.granularity !== segmentGranularity ? ` (finer than the ${segmentGranularity.toUpperCase()} segments, to show the shape)` : ''}
        {nowBucket ? '; the dashed line is now' : ''}
        {lateMessageRejectionPeriod ? `; ${histogram.late.toLocaleString('en-US')} fall before the late-message window (${lateMessageRejectionPeriod}) and would be thrown away` : ''}.
      </figcaption>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
            <Tooltip formatter={(value) => [Number(value).toLocaleString('en-US'), 'events']} />
            {lastLate && <ReferenceArea x1={data[0].label} x2={lastLate.label} fill={COLORS.late} fillOpacity={0.08} label={{ value: 'thrown away', position: 'insideTopLeft', fontSize: 11 }} />}
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map((b) => (
                <Cell key={b.start} fill={b.late ? COLORS.late : b.future ? COLORS.future : COLORS.kept} />
              ))}
            </Bar>
            {nowBucket && <ReferenceLine x={nowBucket.label} stroke="#0f172a" strokeDasharray="4 3" label={{ value: 'now', position: 'top', fontSize: 11 }} />}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
