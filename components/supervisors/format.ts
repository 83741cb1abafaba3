// How the Operate pages write lags, rates, durations and times.

/** Exact digits grouped; lags and offsets arrive as int64 strings and are never rounded. */
export function formatCount(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rows per second from a moving average. */
export function formatRate(perSec: number | null | undefined): string {
  if (perSec === null || perSec === undefined) return '—';
  if (perSec === 0) return '0/s';
  if (perSec < 0.1) return `${(perSec * 60).toFixed(1)}/min`;
  if (perSec < 10) return `${perSec.toFixed(1)}/s`;
  return `${Math.round(perSec).toLocaleString('en-US')}/s`;
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** UTC, to the second: the same clock Druid's logs and task ids use. */
export function formatTime(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return String(iso);
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The short clock time for chart axes. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Lags in a few characters for a chart's axis: 950, 13K, 3.2M, 1.1B. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs < 1000) return String(Math.round(value));
  const units = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const;
  const [size, unit] = units.find(([size]) => abs >= size)!;
  return `${(value / size).toFixed(abs / size < 10 ? 1 : 0)}${unit}`;
}

/** The last part of a Java class name, which is what people recognise. */
export function shortClassName(className: string | null | undefined): string {
  if (!className) return 'Error';
  return className.split('.').at(-1) ?? className;
}
