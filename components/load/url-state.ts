// The Load wizard's state that a user would share or reload: step, topic, sample settings, filters.
// Validated with zod; a bad value in a link falls back to its default and the page says what was wrong.
import { z } from 'zod';
import { draftIdFor } from './draft/draft';
import { OffsetSchema, SAMPLE_LIMIT_DEFAULT, SAMPLE_LIMIT_MAX, TopicNameSchema, type SampleRequestInput } from '@/lib/kafka/schemas';

/** Steps in order; later steps (parse, schema, review) join this list. */
export const LOAD_STEPS = [
  { id: 'topic', label: 'Choose a topic' },
  { id: 'sample', label: 'See its messages' },
  { id: 'parse', label: 'Parse' },
  { id: 'time', label: 'Time' },
  { id: 'schema', label: 'Schema' },
  { id: 'review', label: 'Review and submit' },
] as const;
export type LoadStepId = (typeof LOAD_STEPS)[number]['id'];

export const SAMPLE_FROM = ['earliest', 'latest', 'timestamp', 'offsets'] as const;
export type SampleFromChoice = (typeof SAMPLE_FROM)[number];

const OffsetsParamSchema = z
  .string()
  .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^\d+:\d{1,19}$/, 'must be partition:offset pairs such as 0:100,1:250'))
      .min(1, 'must name at least one partition:offset'),
  )
  .transform((pairs) => Object.fromEntries(pairs.map((p) => p.split(':') as [string, string])));

const FIELDS = {
  step: z.enum(LOAD_STEPS.map((s) => s.id) as [LoadStepId, ...LoadStepId[]], { message: `must be one of ${LOAD_STEPS.map((s) => s.id).join(', ')}` }),
  // A draft named in the link (an edit of a running supervisor); others follow from topic or source.
  draft: z.string().regex(/^(topic|paste|edit):./, 'must be a draft id such as edit:clicks').max(400),
  source: z.enum(['kafka', 'paste'], { message: 'must be kafka or paste' }),
  topic: TopicNameSchema,
  q: z.string().max(249),
  internal: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true'),
  from: z.enum(SAMPLE_FROM, { message: `must be one of ${SAMPLE_FROM.join(', ')}` }),
  at: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time such as 2026-01-31T12:00:00Z')
    .transform((s) => Date.parse(s)),
  offsets: OffsetsParamSchema,
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(SAMPLE_LIMIT_MAX, `must be at most ${SAMPLE_LIMIT_MAX}`),
  find: z.string().max(500),
} as const;

export interface LoadUrlState {
  readonly step: LoadStepId;
  readonly source: 'kafka' | 'paste';
  readonly topic?: string;
  readonly q: string;
  readonly internal: boolean;
  readonly from: SampleFromChoice;
  /** Milliseconds since 1970, for from=timestamp. */
  readonly at?: number;
  readonly offsets?: Record<string, string>;
  readonly limit: number;
  readonly find: string;
  readonly draft?: string;
}

export function parseLoadUrl(params: URLSearchParams): { state: LoadUrlState; problems: string[] } {
  const problems: string[] = [];
  const read = <K extends keyof typeof FIELDS>(key: K): z.infer<(typeof FIELDS)[K]> | undefined => {
    const raw = params.get(key);
    if (raw === null || raw === '') return undefined;
    const parsed = FIELDS[key].safeParse(raw);
    if (parsed.success) return parsed.data as z.infer<(typeof FIELDS)[K]>;
    problems.push(`The link's ${key} "${raw}" ${parsed.error.issues[0].message}; it was ignored.`);
    return undefined;
  };
  const topic = read('topic');
  const source = read('source') ?? 'kafka';
  const from = read('from') ?? 'earliest';
  const at = read('at');
  const offsets = read('offsets');
  if (from === 'timestamp' && at === undefined) problems.push('Sampling from a time needs a time: choose one below.');
  if (from === 'offsets' && offsets === undefined) problems.push('Sampling from offsets needs partition:offset pairs: enter them below.');
  const step = read('step') ?? (topic || source === 'paste' ? 'sample' : 'topic');
  return {
    state: {
      step: step === 'sample' && !topic && source !== 'paste' ? 'topic' : step,
      source,
      topic,
      q: read('q') ?? '',
      internal: read('internal') ?? false,
      from,
      at,
      offsets,
      limit: read('limit') ?? SAMPLE_LIMIT_DEFAULT,
      find: read('find') ?? '',
      draft: read('draft'),
    },
    problems,
  };
}

/** URL search params for a state, leaving out defaults so links stay short. */
export function loadUrl(state: Partial<LoadUrlState>): string {
  const params = new URLSearchParams();
  if (state.step) params.set('step', state.step);
  if (state.source === 'paste') params.set('source', 'paste');
  if (state.topic) params.set('topic', state.topic);
  if (state.q) params.set('q', state.q);
  if (state.internal) params.set('internal', 'true');
  if (state.from && state.from !== 'earliest') params.set('from', state.from);
  if (state.at !== undefined && state.from === 'timestamp') params.set('at', new Date(state.at).toISOString());
  if (state.offsets && state.from === 'offsets') params.set('offsets', Object.entries(state.offsets).map(([p, o]) => `${p}:${o}`).join(','));
  if (state.limit && state.limit !== SAMPLE_LIMIT_DEFAULT) params.set('limit', String(state.limit));
  if (state.find) params.set('find', state.find);
  if (state.draft) params.set('draft', state.draft);
  const query = params.toString();
  return query ? `/load?${query}` : '/load';
}

/** The id of the draft the wizard works on, or undefined before a topic or source is chosen. */
export function draftIdOf(state: Pick<LoadUrlState, 'draft' | 'source' | 'topic'>): string | undefined {
  if (state.draft) return state.draft;
  if (state.source === 'paste') return draftIdFor({ kind: 'paste' });
  return state.topic ? draftIdFor({ kind: 'kafka', topic: state.topic }) : undefined;
}

/** The sample request the settings describe, or undefined while they are incomplete. */
export function toSampleRequest(state: LoadUrlState): SampleRequestInput | undefined {
  const base = { limit: state.limit };
  switch (state.from) {
    case 'earliest':
    case 'latest':
      return { ...base, from: state.from };
    case 'timestamp':
      return state.at === undefined ? undefined : { ...base, from: { timestamp: state.at } };
    case 'offsets':
      return state.offsets && Object.values(state.offsets).every((o) => OffsetSchema.safeParse(o).success) ? { ...base, from: { offsets: state.offsets } } : undefined;
  }
}
