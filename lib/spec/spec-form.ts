// The shapes a Kafka supervisor spec comes in, reduced to one: {type, spec: {dataSchema, ioConfig, tuningConfig}}.
import { isRecord } from './issue';
import { deepEqual } from './json-value';

export type SpecForm = 'wrapped' | 'top-level' | 'echo' | 'unknown';

export interface NormalizedForm {
  readonly value: unknown;
  readonly form: SpecForm;
  readonly notes: string[];
}

const SECTIONS = ['dataSchema', 'ioConfig', 'tuningConfig'] as const;

/**
 * Druid accepts the sections either under "spec" or at the top level, and the Overlord echoes
 * both at once. When both are present Druid reads the ones under "spec", so those are kept.
 */
export function normalizeSpecForm(json: unknown): NormalizedForm {
  if (!isRecord(json)) return { value: json, form: 'unknown', notes: [] };
  const topLevel = SECTIONS.filter((s) => s in json);
  if (isRecord(json.spec)) {
    if (topLevel.length === 0) return { value: json, form: 'wrapped', notes: [] };
    const inner = json.spec;
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) if (!(SECTIONS as readonly string[]).includes(k)) rest[k] = v;
    const same = topLevel.every((s) => deepEqual(json[s], inner[s]));
    return {
      value: rest,
      form: 'echo',
      notes: [
        same
          ? `Dropped the top-level ${topLevel.join(', ')}: the Overlord echoes them as copies of the sections under "spec".`
          : `Dropped the top-level ${topLevel.join(', ')}: they differ from the sections under "spec", and Druid reads the ones under "spec".`,
      ],
    };
  }
  if (topLevel.length === 0) return { value: json, form: 'unknown', notes: [] };
  const wrapped: Record<string, unknown> = {};
  const spec: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if ((SECTIONS as readonly string[]).includes(k)) spec[k] = v;
    else if (k === 'spec') continue;
    else wrapped[k] = v;
  }
  wrapped.spec = spec;
  return {
    value: orderTopLevel(wrapped),
    form: 'top-level',
    notes: ['Moved dataSchema, ioConfig and tuningConfig under "spec", the form Druid documents today.'],
  };
}

function orderTopLevel(obj: Record<string, unknown>): Record<string, unknown> {
  const { type, spec, ...rest } = obj;
  return { ...(type !== undefined ? { type } : {}), spec, ...rest };
}
