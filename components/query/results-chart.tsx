'use client';
// The result as a chart, chosen from its shape (lines over time, bars per category, or
// none with the reason); the user may switch the type and the columns drawn.
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  allWholeDays,
  chartPoints,
  chartTimeLabel,
  chartTimeTicks,
  columnKinds,
  issueWithChart,
  suggestChart,
  type ChartData,
  type ChartKind,
  type ChartSpec,
} from '@/lib/query/chart';
import type { ResultTable } from '@/lib/query/schemas';

const COLORS = ['#0284c7', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0d9488'];
const NO_CHART: ChartData = { points: [], series: [], xKind: 'category' };

export function ResultsChart({ table }: { table: ResultTable }) {
  const suggested = useMemo(() => suggestChart(table), [table]);
  const [chosen, setChosen] = useState<ChartSpec>();
  const spec = chosen ?? suggested;
  const kinds = useMemo(() => columnKinds(table), [table]);
  const names = table.columns.map((column) => column.name);
  const numeric = names.filter((_, i) => kinds[i] === 'number');
  const categories = names.filter((_, i) => kinds[i] === 'text');
  const issue = issueWithChart(table, spec);
  const { points, series, xKind, timeZone, note } = useMemo(() => (issue ? NO_CHART : chartPoints(table, spec)), [table, spec, issue]);
  const days = allWholeDays(points);
  const timeLabel = (x: number) => chartTimeLabel(x, { days });

  const choose = (change: Partial<ChartSpec>) => {
    const next = { ...spec, ...change };
    if (next.kind !== 'none' && !next.x) next.x = names.find((_, i) => kinds[i] !== 'number') ?? names[0];
    if (next.kind !== 'none' && next.y.length === 0) next.y = numeric.slice(0, 1);
    setChosen(next);
  };

  return (
    <section aria-label="Result chart" className="rounded border border-slate-200 bg-white p-3">
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          Chart type
          <select className="rounded border border-slate-300 px-1 py-0.5" value={spec.kind} onChange={(e) => choose({ kind: e.target.value as ChartKind })}>
            <option value="line">Line</option>
            <option value="bar">Bar</option>
            <option value="none">None</option>
          </select>
        </label>
        {spec.kind !== 'none' && (
          <>
            <label className="flex items-center gap-1">
              x axis
              <select className="rounded border border-slate-300 px-1 py-0.5" value={spec.x ?? ''} onChange={(e) => choose({ x: e.target.value })}>
                {names.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            {categories.length > 0 && (
              <label className="flex items-center gap-1">
                Split by
                <select
                  className="rounded border border-slate-300 px-1 py-0.5"
                  value={spec.splitBy ?? ''}
                  onChange={(e) => choose({ splitBy: e.target.value || undefined, y: e.target.value ? spec.y.slice(0, 1) : spec.y })}
                >
                  <option value="">(none)</option>
                  {categories.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <fieldset className="flex flex-wrap items-center gap-2">
              <legend className="sr-only">Series</legend>
              {numeric.map((name) => (
                <label key={name} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={spec.y.includes(name)}
                    onChange={(e) =>
                      // Split into one series per category, only one number can be drawn.
                      choose({ y: spec.splitBy ? [name] : e.target.checked ? [...spec.y, name] : spec.y.filter((y) => y !== name) })
                    }
                  />
                  {name}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </div>
      {issue ? (
        <p className="text-sm text-slate-600" data-testid="chart-note">
          {issue}
        </p>
      ) : (
        <div className="h-72 w-full" data-testid="query-chart" data-chart-kind={spec.kind}>
          <ResponsiveContainer width="100%" height="100%">
            {spec.kind === 'line' ? (
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                {xKind === 'time' ? (
                  // Druid's buckets are on the clock of the zone it answered in; the axis says which.
                  <XAxis
                    dataKey="x"
                    type="number"
                    domain={['dataMin', 'dataMax']}
                    ticks={chartTimeTicks(points)}
                    tickFormatter={timeLabel}
                    label={{ value: `${spec.x} (${timeZone})`, position: 'insideBottomRight', offset: -4, fontSize: 11 }}
                    height={36}
                    fontSize={11}
                  />
                ) : (
                  <XAxis dataKey="x" fontSize={11} />
                )}
                <YAxis fontSize={11} />
                <Tooltip labelFormatter={(x) => (xKind === 'time' && typeof x === 'number' ? `${timeLabel(x)} ${timeZone}` : String(x))} />
                <Legend />
                {series.map((line, i) => (
                  <Line key={line.key} name={line.label} type="linear" dataKey={line.key} stroke={COLORS[i % COLORS.length]} dot={points.length < 60} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            ) : (
              <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="x" fontSize={11} />
                <YAxis fontSize={11} />
                <Tooltip />
                <Legend />
                {series.map((bar, i) => (
                  <Bar key={bar.key} name={bar.label} dataKey={bar.key} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      )}
      {!issue && note && <p className="mt-1 text-xs text-slate-500">{note}</p>}
    </section>
  );
}
