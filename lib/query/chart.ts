// Which chart suits a result, from its shape: a time column and numbers -> a line over
// time (one line per category when there is one too); a category and numbers -> bars;
// anything else -> no chart, and why.
import { columnKind, numberValue, wallClock, type ColumnKind } from './columns';
import type { ResultTable } from './schemas';

export type ChartKind = 'line' | 'bar' | 'none';

export interface ChartSpec {
  readonly kind: ChartKind;
  /** The x axis: a time column for lines, a category for bars. */
  readonly x?: string;
  /** The numeric columns drawn, one series each. */
  readonly y: readonly string[];
  /** A category column whose values become one series each (of the first y column). */
  readonly splitBy?: string;
}

export interface ChartPoint {
  /** A category, or a time as the wall-clock millis of the zone Druid answered in (see wallClock). */
  readonly x: number | string;
  readonly [series: string]: number | string | null;
}

export interface ChartSeries {
  /** The point property holding this series' values. */
  readonly key: string;
  readonly label: string;
}

/** More bars than this do not read; the chart shows the first ones and says so. */
export const MAX_BARS = 50;
/** Past this many points a line chart is drawn from an even sample of them. */
export const MAX_LINE_POINTS = 2_000;
const MAX_SERIES = 6;

export function columnKinds(table: ResultTable): ColumnKind[] {
  return table.columns.map((column, i) => columnKind(column, table.rows.map((row) => row[i])));
}

export function suggestChart(table: ResultTable): ChartSpec {
  const kinds = columnKinds(table);
  const names = table.columns.map((column) => column.name);
  const numbers = names.filter((_, i) => kinds[i] === 'number');
  const time = names.find((_, i) => kinds[i] === 'time');
  const category = names.find((_, i) => kinds[i] === 'text');
  if (table.rows.length === 0 || numbers.length === 0) return { kind: 'none', y: [] };
  // One time bucket (granularity "all", a single day) is no line: compare its categories instead.
  const timeIndex = time === undefined ? -1 : names.indexOf(time);
  const buckets = timeIndex < 0 ? 0 : new Set(table.rows.map((row) => String(row[timeIndex]))).size;
  if (time && buckets > 1 && category) return { kind: 'line', x: time, y: numbers.slice(0, 1), splitBy: category };
  if (time && (buckets > 1 || !category)) return { kind: 'line', x: time, y: numbers.slice(0, MAX_SERIES) };
  if (category) return { kind: 'bar', x: category, y: numbers.slice(0, MAX_SERIES) };
  return { kind: 'none', y: [] };
}

/** Why the chart cannot be drawn as chosen, in words; undefined when it can. */
export function issueWithChart(table: ResultTable, spec: ChartSpec): string | undefined {
  if (table.rows.length === 0) return 'No rows to chart.';
  if (spec.kind === 'none') {
    const kinds = columnKinds(table);
    if (!kinds.includes('number')) return 'No chart: the result has no numeric column to plot.';
    return 'No chart: the result has numbers but no time or category column to plot them against. Pick a chart type and an x column to draw one anyway.';
  }
  const names = table.columns.map((column) => column.name);
  if (!spec.x || !names.includes(spec.x)) return 'Choose a column for the x axis.';
  if (spec.y.filter((name) => names.includes(name)).length === 0) return 'Choose at least one numeric column to plot.';
  return undefined;
}

export interface ChartData {
  readonly points: ChartPoint[];
  readonly series: ChartSeries[];
  readonly xKind: 'time' | 'category';
  /** For time: the UTC offsets Druid wrote, "UTC", "UTC+08:00" or "UTC-05:00 / UTC-04:00" across a DST change. */
  readonly timeZone?: string;
  readonly note?: string;
}

/**
 * Rows as chart points: x as wall-clock millis for time (placed and labelled in the zone Druid answered
 * in, so a day bucket in +08:00 is that day, not 16:00 UTC of the day before), as text for categories.
 */
export function chartPoints(table: ResultTable, spec: ChartSpec): ChartData {
  const names = table.columns.map((column) => column.name);
  const xIndex = spec.x === undefined ? -1 : names.indexOf(spec.x);
  const yColumns = spec.y.map((name) => ({ name, index: names.indexOf(name) })).filter((y) => y.index >= 0);
  if (xIndex < 0 || spec.kind === 'none' || yColumns.length === 0) return { points: [], series: [], xKind: 'category' };
  const xKind = spec.kind === 'line' && columnKinds(table)[xIndex] === 'time' ? 'time' : 'category';
  const offsets = new Set<string>();
  const xOf = (row: readonly unknown[]) => {
    if (xKind === 'category') return row[xIndex] === null ? 'null' : String(row[xIndex]);
    const time = wallClock(row[xIndex]);
    if (time) offsets.add(time.offset);
    return time?.millis;
  };
  const notes: string[] = [];

  const splitIndex = spec.splitBy === undefined ? -1 : names.indexOf(spec.splitBy);
  let series: ChartSeries[];
  let points: Record<string, number | string | null>[];
  if (splitIndex >= 0) {
    // One series per split value, of the first y column; the largest few, so the legend stays readable.
    const y = yColumns[0];
    const totals = new Map<string, number>();
    for (const row of table.rows) totals.set(String(row[splitIndex]), (totals.get(String(row[splitIndex])) ?? 0) + Math.abs(numberValue(row[y.index]) ?? 0));
    const kept = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SERIES).map(([value]) => value);
    if (totals.size > kept.length) notes.push(`Showing the ${kept.length} largest of ${totals.size} ${spec.splitBy} values.`);
    series = kept.map((value, i) => ({ key: `s${i}`, label: value }));
    const byX = new Map<number | string, Record<string, number | string | null>>();
    for (const row of table.rows) {
      const x = xOf(row);
      const at = kept.indexOf(String(row[splitIndex]));
      if (x === undefined || at < 0) continue;
      const point = byX.get(x) ?? { x };
      point[`s${at}`] = ((point[`s${at}`] as number | undefined) ?? 0) + (numberValue(row[y.index]) ?? 0);
      byX.set(x, point);
    }
    points = [...byX.values()];
  } else {
    series = yColumns.map((y, i) => ({ key: `s${i}`, label: y.name }));
    points = table.rows.flatMap((row) => {
      const x = xOf(row);
      if (x === undefined) return [];
      const point: Record<string, number | string | null> = { x };
      yColumns.forEach((y, i) => (point[`s${i}`] = numberValue(row[y.index]) ?? null));
      return [point];
    });
  }
  if (xKind === 'time') points.sort((a, b) => (a.x as number) - (b.x as number));
  if (spec.kind === 'bar' && points.length > MAX_BARS) {
    notes.push(`Showing the first ${MAX_BARS} of ${points.length} bars.`);
    points = points.slice(0, MAX_BARS);
  } else if (spec.kind === 'line' && points.length > MAX_LINE_POINTS) {
    const step = points.length / MAX_LINE_POINTS;
    notes.push(`Drawn from ${MAX_LINE_POINTS} of ${points.length} points, evenly spaced.`);
    const all = points;
    points = Array.from({ length: MAX_LINE_POINTS }, (_, i) => all[Math.floor(i * step)]);
  }
  const timeZone = xKind === 'time' ? [...offsets].map((o) => (o === 'Z' ? 'UTC' : `UTC${o}`)).join(' / ') || 'UTC' : undefined;
  return { points: points as ChartPoint[], series, xKind, ...(timeZone ? { timeZone } : {}), ...(notes.length ? { note: notes.join(' ') } : {}) };
}

/** A time axis's labels: whole days as "2026-11-19", else to the minute, read on the wall clock of chartPoints' x. */
export function chartTimeLabel(x: number, { days = false } = {}): string {
  const iso = new Date(x).toISOString();
  return days ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** Whether every time point is a midnight (day buckets or coarser), so labels can drop the clock. */
export function allWholeDays(points: readonly ChartPoint[]): boolean {
  return points.length > 0 && points.every((p) => typeof p.x === 'number' && p.x % 86_400_000 === 0);
}

/** Ticks on the buckets themselves, at most `max` of them evenly picked, so each label is a bucket's own start. */
export function chartTimeTicks(points: readonly ChartPoint[], max = 8): number[] {
  const xs = [...new Set(points.map((p) => p.x).filter((x): x is number => typeof x === 'number'))].sort((a, b) => a - b);
  if (xs.length <= max) return xs;
  const step = (xs.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => xs[Math.round(i * step)]);
}
