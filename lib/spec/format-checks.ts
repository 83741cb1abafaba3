// Checks that tie the input format to the columns the rest of the spec reads.
import type { SpecCheck } from './checks';
import { dimensionName } from './dimensions-spec';
import { error, warning, type Issue } from './issue';
import { aggregatorInputs } from './metrics-spec';
import { timestampColumnOf } from './timestamp-spec';

const INPUT_FORMAT = ['spec', 'ioConfig', 'inputFormat'] as const;
const TEXT_FORMATS = new Set(['csv', 'tsv', 'regex']);

// Each Kafka message is parsed on its own, so a text format has no header row to take names from.
export const issueWithTextColumns: SpecCheck = (spec) => {
  const format = spec.spec.ioConfig.inputFormat;
  if (!format || !TEXT_FORMATS.has(format.type)) return [];
  const columns = Array.isArray(format.columns) ? (format.columns as string[]) : undefined;
  if (!columns || columns.length === 0) {
    return [
      error(
        [...INPUT_FORMAT, 'columns'],
        `a ${format.type} input format reading Kafka needs its columns listed: every message is parsed alone, so there is no header row to take the names from`,
      ),
    ];
  }
  if (format.findColumnsFromHeader === true) {
    return [error([...INPUT_FORMAT, 'findColumnsFromHeader'], 'findColumnsFromHeader would treat the first line of every message as a header; list the columns instead')];
  }
  const known = new Set(columns);
  const dataSchema = spec.spec.dataSchema;
  for (const t of dataSchema.transformSpec?.transforms ?? []) known.add(t.name);
  const issues: Issue[] = [];
  const timestampColumn = timestampColumnOf(dataSchema.timestampSpec);
  if (!known.has(timestampColumn) && dataSchema.timestampSpec?.missingValue == null) {
    issues.push(
      error(['spec', 'dataSchema', 'timestampSpec', 'column'], `timestamp column "${timestampColumn}" is not among the ${format.type} columns (${columns.join(', ')})`),
    );
  }
  (dataSchema.dimensionsSpec?.dimensions ?? []).forEach((d, i) => {
    if (!known.has(dimensionName(d))) {
      issues.push(warning(['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', i], `dimension "${dimensionName(d)}" is not among the ${format.type} columns, so it will always be null`));
    }
  });
  (dataSchema.metricsSpec ?? []).forEach((m, i) => {
    const missing = aggregatorInputs(m).filter((f) => !known.has(f));
    if (missing.length > 0) {
      issues.push(warning(['spec', 'dataSchema', 'metricsSpec', i, 'fieldName'], `metric "${m.name}" reads "${missing[0]}", which is not among the ${format.type} columns`));
    }
  });
  return issues;
};
