// Lag over the last minutes in the space of a table cell: a plain SVG line, cheap enough for
// hundreds of rows refreshing every few seconds.
import type { LagPoint, LagTrend } from '@/lib/operate';

const WIDTH = 96;
const HEIGHT = 24;
const SCALE_FLOOR = 10;

/** SVG path for the points scaled into the box; lag 0 sits on the bottom edge. */
export function sparklinePath(points: readonly LagPoint[], width = WIDTH, height = HEIGHT): string {
  if (points.length === 0) return '';
  const t0 = points[0].t;
  const span = Math.max(1, points.at(-1)!.t - t0);
  const values = points.map((p) => Number(p.lag));
  // A floor on the scale keeps a wobble of a few messages from looking like a surge.
  const max = Math.max(SCALE_FLOOR, ...values);
  const y = (v: number) => (height - 1 - (v / max) * (height - 2)).toFixed(1);
  if (points.length === 1) return `M0,${y(values[0])}H${width}`;
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(((p.t - t0) / span) * width).toFixed(1)},${y(values[i])}`).join('');
}

const TREND_COLOUR: Record<LagTrend, string> = {
  rising: 'stroke-rose-500',
  falling: 'stroke-emerald-500',
  steady: 'stroke-brand-500',
  unknown: 'stroke-slate-400',
};

const TREND_WORDS: Record<LagTrend, string> = {
  rising: 'lag rising',
  falling: 'lag falling',
  steady: 'lag steady',
  unknown: 'lag trend not known yet',
};

export function LagSparkline({ points, trend }: { points: readonly LagPoint[]; trend: LagTrend }) {
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${TREND_WORDS[trend]} over the last ${points.length} samples`} className="overflow-visible">
      <path d={sparklinePath(points)} fill="none" strokeWidth={1.5} className={TREND_COLOUR[trend]} />
    </svg>
  );
}

export function trendArrow(trend: LagTrend): string {
  return { rising: '↑', falling: '↓', steady: '→', unknown: '' }[trend];
}
