// Runs inference for the wizard: in the browser, where it is instant, unless the values carry
// Schema Registry framing; those go through POST /api/infer, which holds the registry's
// address and credentials, and come back decoded so later edits re-preview in the browser.
import { z } from 'zod';
import { inferSchema, type InferResult, type PreparedSample } from '@/lib/infer';
import { toSampleRecords } from '@/lib/infer/input';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { fetchJson } from '@/components/ui/fetch-json';
import { toInferInput, type InferRequest } from '@/lib/infer/request';

export type InferenceAnswer = Omit<InferResult, 'sample'>;

export interface Inference {
  readonly result: InferenceAnswer;
  readonly sample: PreparedSample;
}

// The parts of the answer the wizard relies on; the rest passes through as lib/infer typed it.
const InferAnswerSchema = z
  .object({
    format: z.string(),
    formatWhy: z.string(),
    plan: z.object({ decode: z.object({ format: z.string() }).passthrough(), columns: z.array(z.object({ name: z.string() }).passthrough()) }).passthrough(),
    timestampCandidates: z.array(z.object({ column: z.string(), format: z.string() }).passthrough()),
    warnings: z.array(z.object({ code: z.string(), message: z.string() }).passthrough()),
    decoded: z.array(z.unknown()).optional(),
  })
  .passthrough();

function registryValue(value: unknown): unknown {
  const failed = typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { error?: unknown }).error === 'string';
  return failed ? new Error((value as { error: string }).error) : value;
}

export async function runInference(records: readonly SampleRecord[], signal?: AbortSignal): Promise<Inference> {
  const input = toInferInput(records);
  const local = await inferSchema(input);
  if (!local.warnings.some((w) => w.code === 'schema-registry-needed')) return { result: local, sample: local.sample };
  const body: InferRequest = 'records' in input ? { records: [...records] } : { lines: input.lines };
  const answer = InferAnswerSchema.parse(await fetchJson('/api/infer', { method: 'POST', body: JSON.stringify(body), signal }));
  // Without a registry on the server either, the browser's answer says the same and is complete.
  if (!answer.decoded) return { result: local, sample: local.sample };
  const { decoded, ...result } = answer;
  // Fresh records: decodes are cached per records array, and the browser's say "no registry".
  return { result: result as unknown as InferenceAnswer, sample: { records: toSampleRecords(input), binary: decoded.map(registryValue) } };
}

const ids = new WeakMap<readonly SampleRecord[], number>();
let nextId = 1;

/** A stable key for one sample in memory, so a new sample re-infers and the same one does not. */
export function sampleKey(records: readonly SampleRecord[]): number {
  let id = ids.get(records);
  if (id === undefined) {
    id = nextId++;
    ids.set(records, id);
  }
  return id;
}
