// The process's one Druid client, built from config: pooled connections, credentials and
// TLS settings stay on the server.
import 'server-only';
import { getConfig } from '@/lib/config';
import { createDruidClient, type DruidClient } from '@/lib/druid';

let client: DruidClient | undefined;

export function druid(): DruidClient {
  client ??= createDruidClient(getConfig().druid);
  return client;
}
