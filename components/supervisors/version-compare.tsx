'use client';
// Compare any two spec versions: pick "from" and "to"; the diff and its risks read as "what
// changes when 'to' replaces 'from'".
import { compareVersions, type SupervisorVersion } from '@/lib/operate';
import { formatTime } from './format';
import { VersionDiff } from './version-diff';

export interface Comparison {
  readonly from: string;
  readonly to: string;
}

function VersionSelect({ label, value, versions, onChange }: { label: string; value: string; versions: readonly SupervisorVersion[]; onChange: (version: string) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {formatTime(version.version)}
            {version.current ? ' (current)' : version.change === 'toggle' ? (version.suspended ? ' (suspend)' : ' (resume)') : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

export function VersionCompare({ versions, comparison, onChange, onClose }: { versions: readonly SupervisorVersion[]; comparison: Comparison; onChange: (next: Comparison) => void; onClose: () => void }) {
  const specs = versions.filter((version) => version.change !== 'terminated');
  const from = specs.find((version) => version.version === comparison.from);
  const to = specs.find((version) => version.version === comparison.to);
  const result = from && to ? compareVersions(from, to) : undefined;
  return (
    <section aria-label="Compare versions" className="space-y-3 rounded border border-brand-200 bg-brand-50/40 p-3">
      <div className="flex flex-wrap items-center gap-3">
        <VersionSelect label="From" value={comparison.from} versions={specs} onChange={(version) => onChange({ ...comparison, from: version })} />
        <VersionSelect label="To" value={comparison.to} versions={specs} onChange={(version) => onChange({ ...comparison, to: version })} />
        <button type="button" onClick={onClose} className="ml-auto text-sm text-brand-700 hover:underline">
          Close
        </button>
      </div>
      {result?.diff && <VersionDiff diff={result.diff} label="Changes between the versions" />}
      {result?.problem && <p className="text-sm text-amber-800">{result.problem}</p>}
    </section>
  );
}
