'use client';
// Step 3, Parse: how each message is cut into fields. The detected format and why, a picker to
// choose another, its settings, the flattenSpec paths for nested JSON, the parsed rows, and
// the messages that do not parse, each with its reason.
import { useMemo, useState } from 'react';
import { KAFKA_TIMESTAMP_COLUMN, previewPlan, type LoadPlan, type Preview } from '@/lib/infer';
import { isJsonFamily } from '@/lib/infer/decode';
import type { Navigate } from './load-wizard';
import { FlattenTable } from './schema/flatten-table';
import { FormatSettings, formatLabel } from './schema/format-settings';
import { flattenJsonColumn } from './schema/redecode';
import { IssueList, RowsTable } from './schema/rows-table';
import { StepFrame, WarningList } from './schema/step-frame';
import { useSchemaPlan, type SchemaPlanState } from './use-schema-plan';
import type { LoadUrlState } from './url-state';

/** The plan reduced to parsing: every field shown, the Kafka time (which always parses) as time. */
function parseOnly(plan: LoadPlan): LoadPlan {
  return {
    ...plan,
    timestamp: { column: KAFKA_TIMESTAMP_COLUMN, format: 'millis' },
    rollup: false,
    columns: plan.columns.map((c) => ({ ...c, role: 'dimension' as const, aggregator: undefined })),
  };
}

export function ParseStep({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  const schema = useSchemaPlan(state);
  return (
    <StepFrame
      id="parse-step"
      title="Parse the messages"
      intro="How Druid cuts each message into fields. Inference chose a format from the whole sample; pick another if it guessed wrong."
      schema={schema}
      state={state}
      navigate={navigate}
      next={{ label: 'Next: time', step: 'time' }}
    >
      <ParseBody schema={schema} />
    </StepFrame>
  );
}

function ParseBody({ schema }: { schema: SchemaPlanState }) {
  const { inference, plan, now } = schema;
  const parsed = useMemo<Preview | undefined>(() => {
    if (!inference || !plan) return undefined;
    try {
      return previewPlan(inference.sample, parseOnly(plan), { now });
    } catch {
      return undefined;
    }
  }, [inference, plan, now]);
  // Open at first when inference flattened nested objects: those paths are worth a look.
  const [showPaths, setShowPaths] = useState(() => plan?.columns.some((c) => c.path && c.path.split('.').length > 2) ?? false);
  if (!inference || !plan) return null;
  const detected = inference.result;
  const good = parsed ? parsed.rowsIn - parsed.unparseableCount : 0;
  return (
    <div className="space-y-4">
      <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm" data-testid="detected-format">
        <p>
          Detected <strong>{formatLabel(detected.format)}</strong>: {detected.formatWhy}.
        </p>
        {parsed && (
          <p className="mt-1" data-testid="parse-summary">
            As {formatLabel(plan.decode.format)}: {good.toLocaleString('en-US')} of {parsed.rowsIn.toLocaleString('en-US')} messages parse
            {parsed.unparseableCount > 0 ? `; ${parsed.unparseableCount.toLocaleString('en-US')} malformed shown below` : ''}
            {parsed.thrownAwayCount > 0 ? `; ${parsed.thrownAwayCount.toLocaleString('en-US')} header line${parsed.thrownAwayCount === 1 ? '' : 's'} dropped` : ''}.
          </p>
        )}
      </div>
      <FormatSettings decode={plan.decode} onChange={schema.redecode} />
      {plan.decode.delimiter !== undefined && !plan.decode.columnNames?.length && (
        <p role="alert" className="text-sm text-amber-800">
          Name the columns in order: without names Druid reads no field from delimited text.
        </p>
      )}
      <WarningList warnings={schema.warnings} codes={['schema-registry-needed', 'json-schema-framing', 'too-many-fields']} />
      {isJsonFamily(plan.decode) && plan.columns.length > 0 && (
        <details open={showPaths} onToggle={(e) => setShowPaths(e.currentTarget.open)} className="space-y-2">
          <summary className="cursor-pointer text-sm font-medium">Fields and their paths (flattenSpec)</summary>
          <FlattenTable
            plan={plan}
            edit={schema.edit}
            flatten={(name) => schema.edit((p) => flattenJsonColumn(inference.sample, p, name))}
          />
        </details>
      )}
      {parsed && (
        <>
          <h3 className="text-sm font-medium">Parsed rows</h3>
          <RowsTable label="Parsed rows" rows={parsed.rows} omit={['__time', 'count']} />
          <IssueList label="Malformed messages" issues={parsed.unparseable} total={parsed.unparseableCount} />
        </>
      )}
    </div>
  );
}
