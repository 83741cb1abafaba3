'use client';
// A supervisor's stored history over the last hour, day or week (the range lives in the URL):
// lag in messages with the time lag beside it, and what Kafka received against what Druid read.
import { useQuery } from '@tanstack/react-query';
import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { formatClock, formatCompact, formatCount, formatDuration, formatRate, formatTime } from './format';
import { historyRows, type HistoryRow } from './history-series';
import { HISTORY_RANGES, supervisorMetricsQuery, type HistoryRange } from './monitoring-api';

const DAY_MS = 86_400_000;

function tickFormatter(range: HistoryRange) {
  return (ms: number) => (HISTORY_RANGES[range].ms > DAY_MS ? new Date(ms).toISOString().slice(5, 16).replace('T', ' ') : formatClock(ms));
}

function Frame({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <figure aria-label={label} data-testid={testId} className="h-56">
      {children}
    </figure>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 px-4 text-center text-sm text-slate-500">{children}</p>;
}

export function useHistory(id: string, range: HistoryRange) {
  const metrics = useQuery(supervisorMetricsQuery(id, range));
  const rows = metrics.data ? historyRows(metrics.data.points, Math.max(metrics.data.stepSeconds * 1000, metrics.data.collectIntervalMs)) : [];
  return { metrics, rows };
}

export function RangePicker({ range, onChange }: { range: HistoryRange; onChange: (range: HistoryRange) => void }) {
  return (
    <div role="group" aria-label="History range" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs">
      {(Object.keys(HISTORY_RANGES) as HistoryRange[]).map((key) => (
        <button
          key={key}
          type="button"
          aria-pressed={key === range}
          onClick={() => onChange(key)}
          className={`px-2.5 py-1 ${key === range ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
        >
          {HISTORY_RANGES[key].label}
        </button>
      ))}
    </div>
  );
}

function domainOf(range: HistoryRange): [number, number] {
  const now = Date.now();
  return [now - HISTORY_RANGES[range].ms, now];
}

function noHistory(error: Error | null): string {
  return error ? `The history could not be read: ${error.message}` : 'No samples yet: the collector stores one every few seconds, whether or not anyone is watching.';
}

export function LagHistoryChart({ rows, range, error }: { rows: readonly HistoryRow[]; range: HistoryRange; error: Error | null }) {
  return (
    <Frame label="Lag over time" testId="lag-chart">
      {rows.length === 0 ? (
        <Empty>{noHistory(error)}</Empty>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={domainOf(range)} tickFormatter={tickFormatter(range)} fontSize={11} />
            <YAxis yAxisId="lag" tickFormatter={formatCompact} fontSize={11} width={48} allowDecimals={false} />
            <YAxis yAxisId="time" orientation="right" tickFormatter={(s: number) => formatDuration(s * 1000)} fontSize={11} width={56} />
            <Tooltip
              labelFormatter={(t) => formatTime(Number(t))}
              formatter={(value, name, item) =>
                name === 'time lag' ? [formatDuration(Number(value) * 1000), 'time lag'] : [formatCount((item.payload as HistoryRow).exactLag), 'lag (messages)']
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Area yAxisId="lag" type="monotone" dataKey="lag" name="lag (messages)" stroke="#1d8fe1" fill="#d8eeff" isAnimationActive={false} connectNulls={false} />
            <Line yAxisId="time" type="monotone" dataKey="timeLagS" name="time lag" stroke="#d97706" dot={false} isAnimationActive={false} connectNulls={false} />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </Frame>
  );
}

export function RatesHistoryChart({ rows, range, error }: { rows: readonly HistoryRow[]; range: HistoryRange; error: Error | null }) {
  return (
    <Frame label="Rates over time" testId="rates-chart">
      {rows.length === 0 ? (
        <Empty>{noHistory(error)}</Empty>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={domainOf(range)} tickFormatter={tickFormatter(range)} fontSize={11} />
            <YAxis tickFormatter={formatCompact} fontSize={11} width={48} />
            <Tooltip labelFormatter={(t) => formatTime(Number(t))} formatter={(value) => formatRate(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="producedPerSec" name="written to Kafka/s" stroke="#64748b" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="consumedPerSec" name="read by Druid/s" stroke="#1d8fe1" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="processedPerSec" name="rows processed/s" stroke="#059669" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="errorsPerSec" name="errors/s" stroke="#e11d48" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </Frame>
  );
}
