'use client';
// Aggregate lag over time, from the samples the server keeps for each supervisor (up to an hour).
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lagToNumber, type LagPoint } from '@/lib/operate';
import { formatClock, formatCompact, formatCount, formatTime } from './format';

export function LagChart({ points }: { points: readonly LagPoint[] }) {
  // The tooltip shows the exact lag; the line uses a number, which is exact below 2^53.
  const data = points.map((p) => ({ t: p.t, lag: lagToNumber(p.lag), exact: p.lag }));
  return (
    <figure aria-label="Lag over time" data-testid="lag-chart" className="h-56">
      {data.length < 2 ? (
        <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-sm text-slate-500">
          {data.length === 0 ? 'No lag measured yet.' : `Lag ${formatCount(data[0].exact)} — the chart fills in as new samples arrive every few seconds.`}
        </p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} fontSize={11} />
            <YAxis tickFormatter={formatCompact} fontSize={11} width={48} allowDecimals={false} />
            <Tooltip
              labelFormatter={(t) => formatTime(Number(t))}
              formatter={(_value, _name, item) => [formatCount((item.payload as { exact: string }).exact), 'Lag (messages)']}
            />
            <Area type="monotone" dataKey="lag" stroke="#1d8fe1" fill="#d8eeff" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
