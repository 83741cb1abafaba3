// ioConfig.inputFormat: how a Kafka record becomes a row.
// Known formats are checked field by field; extension formats (avro_stream, protobuf...) pass through.
import { z } from 'zod';
import { getAt } from './issue';

export const flattenFieldSchema = z.looseObject({
  type: z.enum(['root', 'path', 'jq', 'tree']),
  name: z.string().min(1, 'a flatten field needs a name'),
  expr: z.string().nullish(),
  nodes: z.array(z.string()).nullish(),
});

export const flattenSpecSchema = z.looseObject({
  useFieldDiscovery: z.boolean().nullish(),
  fields: z.array(flattenFieldSchema).nullish(),
});
export type FlattenSpec = z.infer<typeof flattenSpecSchema>;

const columns = z.array(z.string().min(1, 'column names cannot be empty'));

const jsonFormat = z.looseObject({
  type: z.literal('json'),
  flattenSpec: flattenSpecSchema.nullish(),
  featureSpec: z.record(z.string(), z.boolean()).nullish(),
  keepNullColumns: z.boolean().nullish(),
});

const csvFormat = z.looseObject({
  type: z.literal('csv'),
  columns: columns.nullish(),
  findColumnsFromHeader: z.boolean().nullish(),
  skipHeaderRows: z.number().int().nonnegative().nullish(),
  listDelimiter: z.string().nullish(),
});

const tsvFormat = csvFormat.extend({ type: z.literal('tsv'), delimiter: z.string().nullish() });

const regexFormat = z.looseObject({
  type: z.literal('regex'),
  pattern: z.string().min(1, 'a regex input format needs a pattern'),
  columns: columns.nullish(),
  listDelimiter: z.string().nullish(),
});

// The "kafka" format reads the value with valueFormat and adds key, headers and the record timestamp.
const kafkaFormat = z.looseObject({
  type: z.literal('kafka'),
  valueFormat: z.looseObject({ type: z.string() }),
  keyFormat: z.looseObject({ type: z.string() }).nullish(),
  headerFormat: z.looseObject({ type: z.string() }).nullish(),
  timestampColumnName: z.string().nullish(),
  topicColumnName: z.string().nullish(),
  keyColumnName: z.string().nullish(),
  headerColumnPrefix: z.string().nullish(),
});

const KNOWN_FORMATS: Readonly<Record<string, z.ZodType>> = {
  json: jsonFormat,
  csv: csvFormat,
  tsv: tsvFormat,
  regex: regexFormat,
  kafka: kafkaFormat,
};

export const inputFormatSchema = z
  .looseObject({ type: z.string().min(1, 'inputFormat needs a type, such as "json"') })
  .superRefine((format, ctx) => {
    const known = KNOWN_FORMATS[format.type];
    if (!known) return;
    const result = known.safeParse(format);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      const missing = issue.code === 'invalid_type' && getAt(format, path) === undefined;
      const message = missing ? `${String(path[path.length - 1])} is required for a ${format.type} input format` : issue.message;
      ctx.addIssue({ code: 'custom', path, message });
    }
  });
export type InputFormat = z.infer<typeof inputFormatSchema>;
