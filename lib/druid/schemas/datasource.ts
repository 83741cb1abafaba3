// Datasource lists: the Coordinator's (every datasource with segments) and the
// Broker's (those it can query now).
import { z } from 'zod';

/** GET /druid/coordinator/v1/datasources and GET /druid/v2/datasources */
export const DatasourceListSchema = z.array(z.string());
