// A Druid granularity picker, in Druid's own names.
import type { Granularity } from '@/lib/infer';

const SEGMENT: readonly Granularity[] = ['fifteen_minute', 'hour', 'day', 'week', 'month', 'year', 'all'];
const QUERY: readonly Granularity[] = ['none', 'second', 'minute', 'fifteen_minute', 'hour', 'day', 'week', 'month', 'year'];

export function GranularitySelect({ label, value, onChange, query = false }: { label: string; value: Granularity; onChange: (g: Granularity) => void; query?: boolean }) {
  const choices = query ? QUERY : SEGMENT;
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Granularity)} className="rounded-md border border-slate-300 px-2 py-1">
        {[...new Set([...choices, value])].map((g) => (
          <option key={g} value={g}>
            {g.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
