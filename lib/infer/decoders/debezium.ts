// Debezium change events: the row is the after image (the before image for deletes keeps
// the columns known), `op` is kept as a dimension, and the event time is source.ts_ms, when
// the change happened in the database. Both the schema-wrapped and the bare form are read.
import { isPlainObject } from './json';
import type { ConnectField } from './connect';

export const DEBEZIUM_OPS = new Set(['c', 'u', 'd', 'r', 't', 'm']);

export interface DebeziumEvent {
  /** JSONPath of the change event: `$.payload` with a schema, `$` without. */
  readonly base: '$' | '$.payload';
  readonly op: string;
  readonly image: Record<string, unknown> | null;
  readonly sourceTsMs: unknown;
  readonly afterFields: readonly ConnectField[];
}

function afterSchemaFields(schema: unknown): ConnectField[] {
  if (!isPlainObject(schema) || !Array.isArray(schema.fields)) return [];
  const after = schema.fields.find((f) => isPlainObject(f) && f.field === 'after');
  if (!isPlainObject(after) || !Array.isArray(after.fields)) return [];
  return after.fields.filter((f): f is ConnectField => isPlainObject(f) && typeof f.field === 'string' && typeof f.type === 'string');
}

export function readDebeziumEvent(message: Record<string, unknown>): DebeziumEvent | null {
  const wrapped = isPlainObject(message.payload) && 'schema' in message;
  const event = wrapped ? (message.payload as Record<string, unknown>) : message;
  const { op, source } = event;
  if (typeof op !== 'string' || !DEBEZIUM_OPS.has(op) || !isPlainObject(source) || !('after' in event || 'before' in event)) return null;
  const after = isPlainObject(event.after) ? event.after : null;
  const before = isPlainObject(event.before) ? event.before : null;
  let image = after;
  if (!image && before) {
    // A delete: keep the columns, with no values, so the row says which key went away.
    image = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(before)) image[key] = null;
  }
  return {
    base: wrapped ? '$.payload' : '$',
    op,
    image,
    sourceTsMs: source.ts_ms,
    afterFields: wrapped ? afterSchemaFields(message.schema) : [],
  };
}
