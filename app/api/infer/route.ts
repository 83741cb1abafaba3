import { inferSchema } from '@/lib/infer';
import { toJsonSafe } from '@/lib/infer/cast';
import { getConfig } from '@/lib/config';
import { apiRoute } from '@/lib/server/api';
import { InferRequestSchema, inferInputOf } from '@/lib/infer/request';
import { publicRegistryUrl, schemaRegistryResolver } from '@/lib/server/schema-registry';

export const dynamic = 'force-dynamic';

// Infers the input format, timestamp, columns, rollup and a preview from sampled records or lines; framed values are decoded through the configured schema registry.
export const POST = apiRoute({ summary: 'Infer the input format, timestamp, columns and rollup of sampled messages, with a preview of the rows', body: InferRequestSchema, timeoutMs: 30_000 }, async ({ body, signal }) => {
  const registry = getConfig().schemaRegistry;
  const result = await inferSchema(inferInputOf(body), {
    schemaResolver: registry ? schemaRegistryResolver(registry, signal) : undefined,
    schemaRegistryUrl: registry ? publicRegistryUrl(registry.url) : undefined,
  });
  // Registry-decoded values go back too, so the browser can re-preview edits without the registry.
  const decoded = result.sample.binary?.map((value) => (value instanceof Error ? { error: value.message } : toJsonSafe(value)));
  return decoded ? { ...result, decoded } : result;
});
