// Upgrades specs written for older Druid: dataSchema.parser/parseSpec become ioConfig.inputFormat,
// and values pasted as strings become the numbers and booleans Druid expects.
import { error, isRecord, type Issue } from './issue';
import { cloneJson } from './json-value';
import { makeChange, type SpecChange } from './spec-change';
import { NUMERIC_TUNING_FIELDS } from './tuning-config';

export interface UpgradeResult {
  readonly value: unknown;
  readonly changes: SpecChange[];
  readonly notes: string[];
  readonly issues: Issue[];
}

const DATA_SCHEMA = ['spec', 'dataSchema'] as const;
const PARSER = [...DATA_SCHEMA, 'parser'] as const;
const PARSE_SPEC = [...PARSER, 'parseSpec'] as const;

// parseSpec fields that are not part of the format itself.
const MOVED_UP = ['timestampSpec', 'dimensionsSpec'] as const;

type FormatMapper = (parseSpec: Record<string, unknown>) => Record<string, unknown>;

function pick(from: Record<string, unknown>, renames: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [oldKey, newKey] of Object.entries(renames)) if (from[oldKey] !== undefined) out[newKey] = from[oldKey];
  return out;
}

// Field names follow Druid's input-formats doc; hasHeaderRow became findColumnsFromHeader.
const TEXT_FIELDS = { columns: 'columns', listDelimiter: 'listDelimiter', hasHeaderRow: 'findColumnsFromHeader', skipHeaderRows: 'skipHeaderRows' };
const FORMAT_MAPPERS: Readonly<Record<string, { fields: Readonly<Record<string, string>>; build: FormatMapper }>> = {
  json: {
    fields: { flattenSpec: 'flattenSpec', featureSpec: 'featureSpec', keepNullColumns: 'keepNullColumns' },
    build: (p) => ({ type: 'json', ...pick(p, { flattenSpec: 'flattenSpec', featureSpec: 'featureSpec', keepNullColumns: 'keepNullColumns' }) }),
  },
  csv: { fields: TEXT_FIELDS, build: (p) => ({ type: 'csv', ...pick(p, TEXT_FIELDS) }) },
  tsv: {
    fields: { ...TEXT_FIELDS, delimiter: 'delimiter' },
    build: (p) => ({ type: 'tsv', ...pick(p, { ...TEXT_FIELDS, delimiter: 'delimiter' }) }),
  },
  regex: {
    fields: { pattern: 'pattern', columns: 'columns', listDelimiter: 'listDelimiter' },
    build: (p) => ({ type: 'regex', ...pick(p, { pattern: 'pattern', columns: 'columns', listDelimiter: 'listDelimiter' }) }),
  },
};

const NUMERIC_IO_FIELDS = ['taskCount', 'replicas', 'pollTimeout'];
const BOOLEAN_IO_FIELDS = ['useEarliestOffset'];
const BOOLEAN_TUNING_FIELDS = ['reportParseExceptions', 'resetOffsetAutomatically', 'logParseExceptions', 'skipBytesInMemoryOverheadCheck'];

export function upgradeLegacySpec(wrapped: unknown): UpgradeResult {
  const changes: SpecChange[] = [];
  const notes: string[] = [];
  const issues: Issue[] = [];
  if (!isRecord(wrapped) || !isRecord(wrapped.spec)) return { value: wrapped, changes, notes, issues };
  const root = cloneJson(wrapped);
  const spec = root.spec as Record<string, unknown>;

  if (root.type === undefined && isRecord(spec.ioConfig)) {
    root.type = 'kafka';
    changes.push(makeChange(['type'], 'Added the supervisor type "kafka", which the spec left out.', { to: 'kafka' }));
  }
  if (isRecord(spec.dataSchema) && spec.dataSchema.parser != null) {
    upgradeParser(spec, changes, notes, issues);
  }
  if (isRecord(spec.ioConfig)) {
    coerceFields(spec.ioConfig, ['spec', 'ioConfig'], NUMERIC_IO_FIELDS, 'number', changes);
    coerceFields(spec.ioConfig, ['spec', 'ioConfig'], BOOLEAN_IO_FIELDS, 'boolean', changes);
  }
  if (isRecord(spec.tuningConfig)) {
    if (spec.tuningConfig.type === undefined) {
      spec.tuningConfig = { type: 'kafka', ...spec.tuningConfig };
      changes.push(makeChange(['spec', 'tuningConfig', 'type'], 'Added tuningConfig.type "kafka", which Druid requires.', { to: 'kafka' }));
    }
    coerceFields(spec.tuningConfig as Record<string, unknown>, ['spec', 'tuningConfig'], NUMERIC_TUNING_FIELDS, 'number', changes);
    coerceFields(spec.tuningConfig as Record<string, unknown>, ['spec', 'tuningConfig'], BOOLEAN_TUNING_FIELDS, 'boolean', changes);
  }
  const coerced = changes.filter((c) => c.message.startsWith('Converted'));
  if (coerced.length > 0) {
    notes.push(`Converted ${coerced.map((c) => c.pathText).join(', ')} from quoted strings to the ${coerced.length === 1 ? 'value' : 'values'} Druid expects.`);
  }
  return { value: root, changes, notes, issues };
}

function upgradeParser(spec: Record<string, unknown>, changes: SpecChange[], notes: string[], issues: Issue[]): void {
  const dataSchema = spec.dataSchema as Record<string, unknown>;
  const parser = dataSchema.parser;
  if (!isRecord(parser)) {
    issues.push(error([...PARSER], 'dataSchema.parser must be an object with a parseSpec'));
    return;
  }
  const parserType = parser.type ?? 'string';
  if (parserType !== 'string') {
    issues.push(error([...PARSER, 'type'], `a "${String(parserType)}" parser cannot be upgraded automatically; write an ioConfig.inputFormat of the matching type (for example "avro_stream" or "protobuf") and remove the parser`));
    return;
  }
  const parseSpec = parser.parseSpec;
  if (!isRecord(parseSpec)) {
    issues.push(error([...PARSE_SPEC], 'the legacy parser has no parseSpec to upgrade'));
    return;
  }
  const format = typeof parseSpec.format === 'string' ? parseSpec.format : 'json';
  if (parseSpec.format === undefined) notes.push('The parseSpec had no format; read it as "json", Druid\'s default.');
  const mapper = FORMAT_MAPPERS[format];
  if (!mapper) {
    issues.push(error([...PARSE_SPEC, 'format'], `a "${format}" parseSpec has no inputFormat equivalent to upgrade to; supported here: ${Object.keys(FORMAT_MAPPERS).join(', ')}`));
    return;
  }

  const inputFormat = mapper.build(parseSpec);
  const known = new Set(['format', ...MOVED_UP, ...Object.keys(mapper.fields)]);
  const unknown = Object.keys(parseSpec).filter((k) => !known.has(k));
  for (const key of unknown) inputFormat[key] = parseSpec[key];
  if (unknown.length > 0) notes.push(`Carried parseSpec fields ${unknown.join(', ')} over to inputFormat unchanged; check that the ${format} input format still takes them.`);
  if (parseSpec.hasHeaderRow !== undefined) notes.push('Renamed parseSpec.hasHeaderRow to inputFormat.findColumnsFromHeader.');

  for (const key of MOVED_UP) {
    if (parseSpec[key] === undefined) continue;
    if (dataSchema[key] !== undefined) {
      notes.push(`Kept dataSchema.${key} and dropped parseSpec.${key}: Druid uses the one in dataSchema when both are set.`);
      continue;
    }
    dataSchema[key] = parseSpec[key];
    changes.push(makeChange([...DATA_SCHEMA, key], `Moved ${key} from dataSchema.parser.parseSpec up to dataSchema.`, { to: parseSpec[key] }));
  }

  const ioConfig = isRecord(spec.ioConfig) ? spec.ioConfig : (spec.ioConfig = {});
  if (ioConfig.inputFormat !== undefined) {
    notes.push('Kept the existing ioConfig.inputFormat and dropped the legacy parser.');
  } else {
    ioConfig.inputFormat = inputFormat;
    changes.push(
      makeChange(['spec', 'ioConfig', 'inputFormat'], `Replaced the legacy "${format}" parseSpec with an equivalent ioConfig.inputFormat.`, {
        from: parser,
        to: inputFormat,
      }),
    );
  }
  const { parser: _dropped, ...rest } = dataSchema;
  spec.dataSchema = reorderDataSchema(rest);
  changes.push(makeChange([...PARSER], 'Removed dataSchema.parser, which Druid deprecates in favour of ioConfig.inputFormat.', { from: parser }));
  notes.push('Upgraded a legacy parser-based spec: the parser became ioConfig.inputFormat.');

  const granularitySpec = (spec.dataSchema as Record<string, unknown>).granularitySpec;
  if (isRecord(granularitySpec) && granularitySpec.type === 'uniform') {
    delete granularitySpec.type;
    changes.push(makeChange([...DATA_SCHEMA, 'granularitySpec', 'type'], 'Dropped granularitySpec.type "uniform": it is the only type for streaming and Druid\'s default.', { from: 'uniform' }));
    notes.push('Dropped granularitySpec.type "uniform", Druid\'s default.');
  }
}

const DATA_SCHEMA_ORDER = ['dataSource', 'timestampSpec', 'dimensionsSpec', 'metricsSpec', 'granularitySpec', 'transformSpec'];

function reorderDataSchema(dataSchema: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of DATA_SCHEMA_ORDER) if (key in dataSchema) ordered[key] = dataSchema[key];
  for (const [key, value] of Object.entries(dataSchema)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

function coerceFields(
  section: Record<string, unknown>,
  path: readonly string[],
  fields: readonly string[],
  kind: 'number' | 'boolean',
  changes: SpecChange[],
): void {
  for (const field of fields) {
    const value = section[field];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    let converted: number | boolean | undefined;
    if (kind === 'number' && /^-?\d+(\.\d+)?$/.test(trimmed)) converted = Number(trimmed);
    if (kind === 'boolean' && (trimmed === 'true' || trimmed === 'false')) converted = trimmed === 'true';
    if (converted === undefined) continue;
    section[field] = converted;
    changes.push(makeChange([...path, field], `Converted ${field} from the string ${JSON.stringify(value)} to the ${kind} ${converted}.`, { from: value, to: converted }));
  }
}
