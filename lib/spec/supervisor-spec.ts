// The Kafka supervisor spec as POSTed to /druid/indexer/v1/supervisor.
// Objects are loose: fields this model does not know are kept, so a spec survives a round trip intact.
import { z } from 'zod';
import { dimensionsSpecSchema } from './dimensions-spec';
import { granularitySpecSchema } from './granularity-spec';
import { ioConfigSchema } from './io-config';
import { metricsSpecSchema } from './metrics-spec';
import { timestampSpecSchema } from './timestamp-spec';
import { transformSpecSchema } from './transform-spec';
import { tuningConfigSchema } from './tuning-config';

export const dataSchemaSchema = z.looseObject({
  dataSource: z.string({ message: 'dataSource is required: the name of the datasource to write' }),
  timestampSpec: timestampSpecSchema.nullish(),
  dimensionsSpec: dimensionsSpecSchema.nullish(),
  metricsSpec: metricsSpecSchema.nullish(),
  granularitySpec: granularitySpecSchema.nullish(),
  transformSpec: transformSpecSchema.nullish(),
});
export type DataSchema = z.infer<typeof dataSchemaSchema>;

export const ingestionSpecSchema = z.looseObject({
  dataSchema: dataSchemaSchema,
  ioConfig: ioConfigSchema,
  tuningConfig: tuningConfigSchema.nullish(),
});
export type IngestionSpec = z.infer<typeof ingestionSpecSchema>;

export const supervisorSpecSchema = z.looseObject({
  type: z.literal('kafka', { message: 'must be "kafka": this app manages Kafka supervisors' }),
  spec: ingestionSpecSchema,
  suspended: z.boolean().nullish(),
});
export type SupervisorSpec = z.infer<typeof supervisorSpecSchema>;
