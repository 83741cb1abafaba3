'use client';
// Step 5, Schema: the columns Druid stores and how, rollup and granularities, and a preview of
// the rows as Druid would store them, recomputed on every edit.
import type { Navigate } from './load-wizard';
import { ColumnsTable } from './schema/columns-table';
import { GranularitySelect } from './schema/granularity-select';
import { RowsTable } from './schema/rows-table';
import { StepFrame, WarningList } from './schema/step-frame';
import { useSchemaPlan, type SchemaPlanState } from './use-schema-plan';
import type { LoadUrlState } from './url-state';

export function SchemaStep({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  const schema = useSchemaPlan(state);
  return (
    <StepFrame
      id="schema-step"
      title="Shape the schema"
      intro="Dimensions are what you filter and group by; metrics are aggregated when rows roll up. Each suggestion says why it was made."
      schema={schema}
      state={state}
      navigate={navigate}
      next={{ label: 'Next: review', step: 'review' }}
    >
      <SchemaBody schema={schema} />
    </StepFrame>
  );
}

function ratio(value: number, rows: number): string {
  if (rows === 0) return 'not known (no row is kept)';
  return value >= 0.995 ? '1 (nothing merged)' : `${value.toFixed(2)} (${Math.round(1 / Math.max(value, 1e-9)).toLocaleString('en-US')}× fewer rows)`;
}

function SchemaBody({ schema }: { schema: SchemaPlanState }) {
  const { plan, preview, inference } = schema;
  if (!plan || !inference) return null;
  return (
    <div className="space-y-4">
      <ColumnsTable plan={plan} edit={schema.edit} />
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={plan.rollup} onChange={(e) => schema.edit((p) => ({ ...p, rollup: e.target.checked }))} />
          Rollup
        </label>
        <GranularitySelect label="Query granularity" query value={plan.queryGranularity} onChange={(g) => schema.edit((p) => ({ ...p, queryGranularity: g }))} />
        <GranularitySelect label="Segment granularity" value={plan.segmentGranularity} onChange={(g) => schema.edit((p) => ({ ...p, segmentGranularity: g }))} />
      </div>
      <p className="text-xs text-slate-500">{inference.result.rollupWhy}</p>
      {schema.previewError && (
        <p role="alert" className="text-sm text-red-700">
          The preview cannot run: {schema.previewError}
        </p>
      )}
      {preview && (
        <>
          <p data-testid="rollup-summary" className="text-sm">
            {preview.rowsParsed.toLocaleString('en-US')} rows in → {preview.rowsOut.toLocaleString('en-US')} rows out; rollup ratio {ratio(preview.rollupRatio, preview.rowsParsed)}
          </p>
          {preview.unparseableCount + preview.thrownAwayCount > 0 && (
            <p className="text-sm text-amber-800">
              Of {preview.rowsIn.toLocaleString('en-US')} messages, {preview.unparseableCount.toLocaleString('en-US')} cannot be parsed and{' '}
              {preview.thrownAwayCount.toLocaleString('en-US')} are thrown away before rollup.
            </p>
          )}
          <RowsTable label="Rows as Druid would store them" rows={preview.rows} />
        </>
      )}
      <WarningList warnings={schema.warnings} />
    </div>
  );
}
