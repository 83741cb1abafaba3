// Every version Druid keeps of the spec, newest first, each with what it changed and what that
// change means for the data (lib/spec's diff and risks).
import type { HistoryVersion } from '@/lib/operate';
import type { SpecDiffChange } from '@/lib/spec/diff-spec';
import { formatTime } from './format';

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

export function SpecHistory({ history }: { history: readonly HistoryVersion[] }) {
  if (history.length === 0) return <p className="text-sm text-slate-500">Druid keeps no earlier version of this spec.</p>;
  return (
    <ol aria-label="Spec history" className="space-y-2">
      {history.map((version, i) => {
        const changes = version.diff ? Object.values(version.diff.groups).flat() : [];
        const recreated = !version.terminated && history[i + 1]?.terminated === true;
        return (
          <li key={version.version} className="rounded border border-slate-200 bg-white">
            <details open={i === 0}>
              <summary className="cursor-pointer px-3 py-2 text-sm">
                <span className="font-medium">{formatTime(version.version)}</span>
                {i === 0 && !version.terminated && <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-brand-700">current</span>}
                {version.terminated ? (
                  <span className="ml-2 rounded bg-rose-50 px-1.5 text-xs text-rose-800">terminated</span>
                ) : (
                  <span className="ml-2 text-slate-500">
                    {recreated && 'submitted again after the terminate, '}
                    {version.diff === null && !version.diffProblem ? 'first version' : version.diff?.equivalent ? 'no effective change' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}
                  </span>
                )}
              </summary>
              <div className="space-y-2 border-t border-slate-100 px-3 py-2 empty:hidden">
                {version.diffProblem && <p className="text-sm text-amber-800">{version.diffProblem}</p>}
                {version.diff?.risks.map((risk) => (
                  <div key={`${risk.kind}-${risk.pathText}`} className={`rounded px-2 py-1 text-xs ${risk.severity === 'high' ? 'bg-rose-50 text-rose-900' : 'bg-amber-50 text-amber-900'}`}>
                    <span className="font-semibold">{risk.title}.</span> {risk.meaning}
                  </div>
                ))}
                {changes.length > 0 && <ul className="space-y-0.5">{changes.map((change) => <Change key={`${change.pathText}-${change.kind}`} change={change} />)}</ul>}
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
