'use client';
// The event times of a sample of the topic against the window Druid accepts now: bars outside the
// shaded window are rows Druid throws away.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EventTimeSpread } from '@/lib/operate/diagnosis-schema';
import { formatTime } from './format';

const COLORS = { inside: '#2563eb', late: '#dc2626', early: '#d97706' };

/** "12-07 18:40": enough to tell the bars of a few hours or days apart. */
const label = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');

export function DiagnosisSpreadChart({ spread }: { spread: EventTimeSpread }) {
  const data = spread.buckets.map((b) => ({ ...b, label: label(b.startMs) }));
  const insideBuckets = data.filter((b) => b.side === 'inside');
  const rows = data.reduce((n, b) => n + b.rows, 0);
  const outside = data.filter((b) => b.side !== 'inside').reduce((n, b) => n + b.rows, 0);
  const { startMs, endMs } = spread.window;
  return (
    <figure aria-label="Event times of the sampled rows" data-testid="diagnosis-spread" className="rounded-md border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 text-xs text-slate-600">
        Event times of {rows.toLocaleString('en-US')} sampled rows, UTC; the shaded window is what Druid accepts now
        {startMs !== null ? ` (from ${formatTime(startMs)}` : ' (any time'}
        {endMs !== null ? ` to ${formatTime(endMs)})` : ' on)'}: {outside.toLocaleString('en-US')} fall outside it.
      </figcaption>
      <div className="h-44 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} width={32} />
            <Tooltip formatter={(value) => [Number(value).toLocaleString('en-US'), 'rows']} />
            {insideBuckets.length > 0 && (
              <ReferenceArea x1={insideBuckets[0].label} x2={insideBuckets.at(-1)!.label} fill="#16a34a" fillOpacity={0.08} label={{ value: 'accepted', position: 'insideTopRight', fontSize: 10 }} />
            )}
            <Bar dataKey="rows" isAnimationActive={false}>
              {data.map((b) => (
                <Cell key={b.startMs} fill={COLORS[b.side]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
