'use client';
// Every version Druid keeps of a supervisor's spec, newest first, also once it is terminated.
// Suspend/resume toggles are folded away unless asked for; any two versions can be compared, any
// one downloaded, and an earlier one rolled back to (or, once terminated, submitted again).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { permission, useMe } from '@/components/access/api';
import { baselineVersion, foldToggles, SUBMIT_ROLE, versionFileName, versionFileText, type SupervisorVersion } from '@/lib/operate';
import { formatTime } from './format';
import { supervisorVersionsQuery } from './version-api';
import { VersionCompare, type Comparison } from './version-compare';
import { VersionRollbackDialog } from './version-rollback-dialog';

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50';

function describe(version: SupervisorVersion): string {
  switch (version.change) {
    case 'first':
      return 'first version';
    case 'spec':
      return `${version.changeCount} change${version.changeCount === 1 ? '' : 's'}`;
    case 'toggle':
      return version.suspended ? 'suspended' : 'resumed';
    case 'unchanged':
      return 'submitted again, no effective change';
    case 'unreadable':
      return 'not a spec this app can read';
    case 'terminated':
      return 'terminated';
  }
}

function download(id: string, version: SupervisorVersion) {
  const url = URL.createObjectURL(new Blob([versionFileText(version)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = versionFileName(id, version.version);
  link.click();
  URL.revokeObjectURL(url);
}

export function SpecHistory({ id }: { id: string }) {
  const query = useQuery(supervisorVersionsQuery(id));
  const [showToggles, setShowToggles] = useState(false);
  const [comparison, setComparison] = useState<Comparison>();
  const [rollingBack, setRollingBack] = useState<SupervisorVersion>();
  const [done, setDone] = useState<string>();
  const me = useMe().data;
  const mayRollBack = permission(me, SUBMIT_ROLE, 'Rolling back a supervisor spec');

  if (query.isPending) return <p className="text-sm text-slate-500">Reading the spec history…</p>;
  if (query.isError) return <p className="text-sm text-amber-800">The spec history could not be read: {query.error.message}</p>;
  const { versions, terminated } = query.data;
  const current = baselineVersion(versions);
  const { shown, hiddenToggles } = foldToggles(versions, showToggles);

  return (
    <div className="space-y-3">
      {comparison && <VersionCompare versions={versions} comparison={comparison} onChange={setComparison} onClose={() => setComparison(undefined)} />}
      <ol aria-label="Spec versions" className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
        {shown.map((version) => {
          const isSpec = version.change !== 'terminated';
          const canRollBack = isSpec && !version.current && current !== undefined;
          return (
            <li key={version.version} data-version={version.version} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium tabular-nums">{formatTime(version.version)}</span>
              {version.current && <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-700">current</span>}
              <span className={version.change === 'terminated' ? 'rounded bg-rose-50 px-1.5 text-xs text-rose-800' : 'text-slate-500'}>{describe(version)}</span>
              <span className="ml-auto flex flex-wrap gap-1.5">
                {isSpec && current && version !== current && (
                  <button type="button" className={BUTTON} onClick={() => setComparison({ from: version.version, to: current.version })}>
                    Compare with {terminated ? 'last run' : 'current'}
                  </button>
                )}
                {isSpec && (
                  <button type="button" className={BUTTON} onClick={() => download(id, version)}>
                    Download
                  </button>
                )}
                {canRollBack && (
                  <button type="button" className={BUTTON} disabled={!mayRollBack.allowed} title={mayRollBack.reason} onClick={() => setRollingBack(version)}>
                    {terminated ? 'Submit this version again…' : 'Roll back to this version…'}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {(hiddenToggles > 0 || showToggles) && (
        <p className="text-xs text-slate-500">
          {showToggles ? 'Suspend/resume toggles shown' : `${hiddenToggles} suspend/resume toggle${hiddenToggles === 1 ? '' : 's'} hidden`} ·{' '}
          <button type="button" className="text-brand-700 hover:underline" onClick={() => setShowToggles(!showToggles)}>
            {showToggles ? 'hide' : 'show'}
          </button>
        </p>
      )}
      {done && (
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      )}
      {rollingBack && current && (
        <VersionRollbackDialog
          id={id}
          target={rollingBack}
          current={current}
          terminated={terminated}
          onClose={() => setRollingBack(undefined)}
          onDone={(message) => {
            setRollingBack(undefined);
            setComparison(undefined);
            setDone(message);
          }}
        />
      )}
    </div>
  );
}
