// A JSON Schema in a few words, for a parameter's row: "integer, 1 to 500", "one of json, jsonl".
import type { JsonSchema } from '@/lib/http/openapi';

export function schemaText(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any value';
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    return ((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map(schemaText).join(' or ');
  }
  const parts: string[] = [];
  if ('const' in schema) parts.push(JSON.stringify(schema.const));
  else if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map(String).join(', ')}`);
  else parts.push(typeText(schema.type));
  const range = rangeText(schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum, schema.exclusiveMinimum !== undefined);
  if (range) parts.push(range);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) parts.push(`at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`);
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.pattern === 'string') parts.push(`matching ${schema.pattern}`);
  if ('default' in schema) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function typeText(type: unknown): string {
  if (Array.isArray(type)) return type.join(' or ');
  return typeof type === 'string' ? type : 'any value';
}

// Past 2^53 a bound says nothing a reader needs ("at most 9007199254740991").
const meaningful = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER;

function rangeText(min: unknown, max: unknown, exclusiveMin: boolean): string | undefined {
  const low = meaningful(min) ? (exclusiveMin ? `more than ${min}` : String(min)) : undefined;
  const high = meaningful(max) ? String(max) : undefined;
  if (low !== undefined && high !== undefined) return exclusiveMin ? `${low}, at most ${high}` : `${low} to ${high}`;
  if (low !== undefined) return exclusiveMin ? low : `at least ${low}`;
  if (high !== undefined) return `at most ${high}`;
  return undefined;
}
