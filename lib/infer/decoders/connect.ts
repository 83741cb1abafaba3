// Kafka Connect JSON envelopes (`{ schema, payload }`, from JsonConverter with schemas
// enabled): fields are read from the payload, their types from the schema, including the
// Date (days since epoch) and Timestamp (epoch millis) logical types.
import type { ColumnType } from '../model';
import { isPlainObject } from './json';

export const CONNECT_DATE = 'org.apache.kafka.connect.data.Date';
export const CONNECT_TIMESTAMP = 'org.apache.kafka.connect.data.Timestamp';
export const CONNECT_DECIMAL = 'org.apache.kafka.connect.data.Decimal';

export interface ConnectField {
  readonly field: string;
  readonly type: string;
  readonly name?: string;
  readonly items?: { readonly type: string };
  readonly fields?: readonly ConnectField[];
}

export interface ConnectEnvelope {
  readonly payload: Record<string, unknown>;
  readonly fields: readonly ConnectField[];
}

function asFields(value: unknown): ConnectField[] {
  if (!Array.isArray(value)) return [];
  return value.filter((f): f is ConnectField => isPlainObject(f) && typeof f.field === 'string' && typeof f.type === 'string');
}

/** The envelope of a message, or null when the message is not a Connect envelope. */
export function readConnectEnvelope(message: Record<string, unknown>): ConnectEnvelope | null {
  if (!('schema' in message) || !('payload' in message) || Object.keys(message).length !== 2) return null;
  const { schema, payload } = message;
  if (!isPlainObject(schema) || !isPlainObject(payload) || schema.type !== 'struct') return null;
  return { payload, fields: asFields(schema.fields) };
}

/** The Druid type a Connect schema type maps to. */
export function connectColumnType(field: ConnectField): { type: ColumnType; why: string } | null {
  if (field.name === CONNECT_TIMESTAMP) return { type: 'long', why: 'Connect Timestamp logical type: epoch millis' };
  if (field.name === CONNECT_DATE) return { type: 'long', why: 'Connect Date logical type: days since epoch' };
  if (field.name === CONNECT_DECIMAL) return { type: 'string', why: 'Connect Decimal arrives as base64 bytes: kept as string' };
  switch (field.type) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return { type: 'long', why: `Connect schema type ${field.type}` };
    case 'float':
    case 'float32':
    case 'float64':
    case 'double':
      return { type: 'double', why: `Connect schema type ${field.type}` };
    case 'boolean':
      return { type: 'string', why: 'Connect boolean: Druid stores booleans as "true"/"false" strings' };
    case 'string':
    case 'bytes':
      return { type: 'string', why: `Connect schema type ${field.type}` };
    case 'array': {
      const items = field.items?.type ?? 'string';
      const element = items.startsWith('int') ? 'long' : items.startsWith('float') || items === 'double' ? 'double' : items === 'struct' || items === 'map' ? 'json' : 'string';
      return element === 'json' ? { type: 'json', why: 'Connect array of structs' } : { type: `array<${element}>` as ColumnType, why: `Connect array of ${items}` };
    }
    case 'struct':
    case 'map':
      return { type: 'json', why: `Connect ${field.type}: a json column` };
    default:
      return null;
  }
}
