// Reads schemas by id from the configured Confluent Schema Registry, for decoding framed
// values during inference. Only the configured URL is ever fetched, and its credentials
// stay on the server.
import 'server-only';
import { z } from 'zod';
import type { SchemaResolver } from '@/lib/infer';

/** One schema fetch; inference waits for all ids of a sample at once. */
export const SCHEMA_FETCH_TIMEOUT_MS = 5_000;

export interface SchemaRegistrySettings {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
}

// GET /schemas/ids/{id} answers { schema, schemaType? }; schemaType is absent for Avro.
const SchemaByIdSchema = z.object({
  schema: z.string(),
  schemaType: z.enum(['AVRO', 'PROTOBUF', 'JSON']).optional(),
});

export function schemaRegistryResolver(settings: SchemaRegistrySettings, signal?: AbortSignal, fetchImpl: typeof fetch = fetch): SchemaResolver {
  const base = settings.url.endsWith('/') ? settings.url : `${settings.url}/`;
  const headers: Record<string, string> = { accept: 'application/vnd.schemaregistry.v1+json, application/json' };
  if (settings.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}`;
  }
  const cache = new Map<number, ReturnType<SchemaResolver>>();
  const fetchSchema: SchemaResolver = async (schemaId) => {
    if (!Number.isSafeInteger(schemaId) || schemaId < 0) throw new Error(`schema id ${schemaId} is not a valid id`);
    const url = new URL(`schemas/ids/${schemaId}`, base);
    const timeout = AbortSignal.timeout(SCHEMA_FETCH_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetchImpl(url, { headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'error' });
    } catch {
      throw new Error(timeout.aborted ? `the schema registry did not answer within ${SCHEMA_FETCH_TIMEOUT_MS / 1000} s` : 'the schema registry cannot be reached');
    }
    if (response.status === 401 || response.status === 403) throw new Error(`the schema registry refused the credentials (HTTP ${response.status})`);
    if (response.status === 404) throw new Error(`the schema registry has no schema with id ${schemaId}`);
    if (!response.ok) throw new Error(`the schema registry answered HTTP ${response.status}`);
    const parsed = SchemaByIdSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new Error('the schema registry answered with something other than a schema');
    return { type: parsed.data.schemaType ?? 'AVRO', schema: parsed.data.schema };
  };
  return (schemaId) => {
    let found = cache.get(schemaId);
    if (!found) {
      found = fetchSchema(schemaId);
      cache.set(schemaId, found);
    }
    return found;
  };
}

/** The registry URL as the spec shows it: any user and password written into it are left out. */
export function publicRegistryUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
