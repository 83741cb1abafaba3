'use client';
// "Check with Druid": the spec through the cluster's sampler, and where Druid's parse differs
// from the wizard's preview of the same schema.
import { useMemo } from 'react';
import { previewPlan } from '@/lib/infer/preview';
import type { SampleRecord } from '@/lib/kafka/schemas';
import type { SupervisorSpec } from '@/lib/spec';
import { toInferInput } from '@/lib/infer/request';
import { usePermission } from '@/components/access/api';
import { SUBMIT_ROLE } from '@/lib/operate';
import { useCheckWithDruid } from './api';
import { compareRows } from './compare-rows';
import type { ReviewSchema } from './use-review-schema';

export function DruidCheck({ spec, schema, records }: { spec: SupervisorSpec; schema: ReviewSchema; records?: readonly SampleRecord[] }) {
  const check = useCheckWithDruid();
  const may = usePermission(SUBMIT_ROLE, 'Checking a spec with Druid');
  const plan = schema.status === 'confirmed' ? schema.plan : undefined;
  const previewRows = useMemo(() => (plan && records?.length ? previewPlan(toInferInput(records), plan).rows : undefined), [plan, records]);
  const answer = check.data;
  const differences = useMemo(() => (answer?.available && previewRows ? compareRows(previewRows, answer.rows) : undefined), [answer, previewRows]);

  return (
    <section aria-labelledby="druid-check-title" className="space-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="druid-check-title" className="font-semibold">
          Check with Druid
        </h3>
        <button type="button" onClick={() => check.mutate(spec)} disabled={check.isPending || !may.allowed} title={may.reason} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50">
          {check.isPending ? 'Asking Druid…' : 'Check with Druid'}
        </button>
      </div>
      <p className="text-slate-600">Druid&apos;s sampler reads the topic with this spec, without creating a supervisor, and shows the rows it would store.</p>
      {may.reason && <p className="text-slate-600">{may.reason}</p>}
      {check.error && (
        <p role="alert" className="text-red-800">
          Druid could not check the spec: {check.error.message}
        </p>
      )}
      {answer && !answer.available && <p role="status">{answer.reason}</p>}
      {answer?.available && (
        <div role="status" aria-label="Druid's answer" className="space-y-2">
          <p>
            Druid read {answer.numRowsRead.toLocaleString('en-US')} messages and would store {answer.numRowsIndexed.toLocaleString('en-US')} rows
            {answer.unparseable.length > 0 ? `; ${answer.unparseable.length.toLocaleString('en-US')} it could not parse, first: ${answer.unparseable[0].error}` : ''}.
          </p>
          {answer.numRowsRead === 0 && spec.spec.ioConfig.useEarliestOffset !== true && (
            <p className="text-slate-600">The sampler starts where the spec does: from the latest offset it only sees messages that arrive while it reads.</p>
          )}
          {!previewRows && <p className="text-slate-600">There is no preview from a sample to compare with.</p>}
          {differences && differences.length === 0 && <p className="text-emerald-700">Druid parses every column the way the preview does.</p>}
          {differences && differences.length > 0 && (
            <table aria-label="Differences from the preview" className="w-full text-left text-xs">
              <thead>
                <tr className="text-slate-500">
                  <th className="pr-3 font-medium">Column</th>
                  <th className="pr-3 font-medium">Difference</th>
                  <th className="pr-3 font-medium">Preview</th>
                  <th className="font-medium">Druid</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.column} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-3 font-mono">{d.column}</td>
                    <td className="py-1 pr-3">{d.difference}</td>
                    <td className="py-1 pr-3">{d.preview}</td>
                    <td className="py-1">{d.druid}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
