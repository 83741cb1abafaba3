'use client';
// What submitting changes in a running supervisor: the semantic diff against the spec it runs,
// and what each risky change means for the data already ingested.
import { useMemo } from 'react';
import { diffSpecs, type SpecDiffChange, type SupervisorSpec } from '@/lib/spec';

const GROUP_LABELS = { dataSchema: 'Data schema', ioConfig: 'Reading from Kafka', tuningConfig: 'Tuning', other: 'Other' } as const;

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function ChangeRow({ change }: { change: SpecDiffChange }) {
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="py-1 pr-3 font-mono">{change.pathText}</td>
      <td className="py-1 pr-3">{change.kind}</td>
      <td className="py-1 pr-3 font-mono text-red-800">{change.kind === 'added' ? '' : show(change.from)}</td>
      <td className="py-1 font-mono text-emerald-800">{change.kind === 'removed' ? '' : show(change.to)}</td>
    </tr>
  );
}

export function SpecDiffPanel({ supervisorId, running, spec }: { supervisorId: string; running: SupervisorSpec; spec: SupervisorSpec }) {
  const diff = useMemo(() => diffSpecs(running, spec), [running, spec]);
  const groups = (Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).filter((g) => diff.groups[g].length > 0);
  return (
    <section aria-labelledby="spec-diff-title" className="space-y-3 rounded-md border border-slate-200 bg-white p-4 text-sm">
      <h3 id="spec-diff-title" className="font-semibold">
        Changes to the running supervisor {supervisorId}
      </h3>
      {diff.equivalent ? (
        <p data-testid="spec-diff-none">Druid already runs this spec: submitting it changes nothing and leaves the running tasks alone.</p>
      ) : (
        <>
          {diff.risks.length > 0 && (
            <ul aria-label="What the changes mean" className="space-y-2">
              {diff.risks.map((risk) => (
                <li key={`${risk.kind}-${risk.pathText}`} className={`rounded border px-3 py-2 ${risk.severity === 'high' ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-300 bg-amber-50 text-amber-900'}`}>
                  <p className="font-medium">{risk.title}</p>
                  <p>{risk.meaning}</p>
                </li>
              ))}
            </ul>
          )}
          <table aria-label="Spec changes" className="w-full text-left text-xs">
            <thead>
              <tr className="text-slate-500">
                <th className="pr-3 font-medium">Field</th>
                <th className="pr-3 font-medium">Change</th>
                <th className="pr-3 font-medium">Running now</th>
                <th className="font-medium">After submit</th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group}>
                <tr>
                  <th colSpan={4} className="pt-2 text-slate-700">
                    {GROUP_LABELS[group]}
                  </th>
                </tr>
                {diff.groups[group].map((change) => (
                  <ChangeRow key={change.pathText} change={change} />
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  );
}
