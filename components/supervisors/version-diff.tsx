// What replacing one spec version with another changes: the risks for the data first, then each
// changed field (lib/spec's diff and risks).
import type { SpecDiff, SpecDiffChange } from '@/lib/spec/diff-spec';

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function Change({ change }: { change: SpecDiffChange }) {
  return (
    <li className="font-mono text-xs">
      <span className="text-slate-600">{change.pathText}</span>{' '}
      {change.kind === 'added' && <span className="text-emerald-700">added {show(change.to)}</span>}
      {change.kind === 'removed' && <span className="text-rose-700">removed {show(change.from)}</span>}
      {change.kind === 'changed' && (
        <span>
          <span className="text-rose-700 line-through">{show(change.from)}</span> → <span className="text-emerald-700">{show(change.to)}</span>
        </span>
      )}
    </li>
  );
}

export function VersionDiff({ diff, label = 'Changes' }: { diff: SpecDiff; label?: string }) {
  const changes = Object.values(diff.groups).flat();
  if (diff.equivalent) return <p className="text-sm text-slate-600">Druid would run both versions the same way: nothing changes.</p>;
  return (
    <div className="space-y-2">
      {diff.risks.map((risk) => (
        <div key={`${risk.kind}-${risk.pathText}`} role="note" className={`rounded px-2 py-1 text-xs ${risk.severity === 'high' ? 'bg-rose-50 text-rose-900' : 'bg-amber-50 text-amber-900'}`}>
          <span className="font-semibold">{risk.title}.</span> {risk.meaning}
        </div>
      ))}
      <ul aria-label={label} className="space-y-0.5">
        {changes.map((change) => (
          <Change key={`${change.pathText}-${change.kind}`} change={change} />
        ))}
      </ul>
    </div>
  );
}
