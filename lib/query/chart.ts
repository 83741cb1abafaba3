// Which chart suits a result, from its shape: a time column and numbers -> a line over
// time (one line per category when there is one too); a category and numbers -> bars;
// anything else -> no chart, and why.
import { columnKind, numberValue, timeMillis, type ColumnKind } from './columns';
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

/** Rows as chart points: x as epoch millis for time, as text for categories; each series a number. */
export function chartPoints(table: ResultTable, spec: ChartSpec): { points: ChartPoint[]; series: ChartSeries[]; xKind: 'time' | 'category'; note?: string } {
  const names = table.columns.map((column) => column.name);
  const xIndex = spec.x === undefined ? -1 : names.indexOf(spec.x);
  const yColumns = spec.y.map((name) => ({ name, index: names.indexOf(name) })).filter((y) => y.index >= 0);
  if (xIndex < 0 || spec.kind === 'none' || yColumns.length === 0) return { points: [], series: [], xKind: 'category' };
  const xKind = spec.kind === 'line' && columnKinds(table)[xIndex] === 'time' ? 'time' : 'category';
  const xOf = (row: readonly unknown[]) => (xKind === 'time' ? timeMillis(row[xIndex]) : row[xIndex] === null ? 'null' : String(row[xIndex]));
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
  return { points: points as ChartPoint[], series, xKind, ...(notes.length ? { note: notes.join(' ') } : {}) };
}
