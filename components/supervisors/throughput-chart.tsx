'use client';
// Processed rows/s and error rows/s (1-minute moving averages), as seen since this page opened.
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Throughput } from '@/lib/operate';
import { formatClock, formatCompact, formatRate, formatTime } from './format';
import { appendThroughput, type ThroughputPoint } from './throughput-history';

/** Adds one point per refresh of the status page (`at` is when the answer arrived). */
export function useThroughputHistory(throughput: Throughput | null | undefined, at: number): ThroughputPoint[] {
  const [seen, setSeen] = useState<{ at: number; points: ThroughputPoint[] }>({ at: 0, points: [] });
  // Derived while rendering (React's pattern for state that follows props), once per new answer.
  if (throughput && at !== seen.at) setSeen({ at, points: appendThroughput(seen.points, { t: at, ...throughput }) });
  return seen.points;
}

export function ThroughputChart({ points }: { points: readonly ThroughputPoint[] }) {
  return (
    <figure aria-label="Throughput over time" data-testid="throughput-chart" className="h-56">
      {points.length < 2 ? (
        <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-sm text-slate-500">
          {points.length === 0 ? 'No row stats yet: the supervisor has no running task.' : `${formatRate(points[0].processedPerSecond)} processed — the chart fills in while this page is open.`}
        </p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} fontSize={11} />
            <YAxis tickFormatter={formatCompact} fontSize={11} width={48} />
            <Tooltip labelFormatter={(t) => formatTime(Number(t))} formatter={(value) => formatRate(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="processedPerSecond" name="processed/s" stroke="#1d8fe1" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="errorsPerSecond" name="errors/s" stroke="#e11d48" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
