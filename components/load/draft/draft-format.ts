// The stored form of a draft and its upgrade path. A stored draft is either read (upgraded when
// it is older) or explained: an unreadable or newer draft is reported with its text, never dropped.
import { z } from 'zod';
import { SampleRecordSchema, type SampleRecord } from '@/lib/kafka/schemas';
import { DRAFT_VERSION, type LoadDraft } from './draft';

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kafka'), topic: z.string().min(1) }),
  z.object({ kind: z.literal('paste') }),
  z.object({ kind: z.literal('edit'), supervisorId: z.string().min(1), topic: z.string() }),
]);

const ioSchema = z.object({
  topic: z.string().optional(),
  datasource: z.string().optional(),
  useEarliestOffset: z.boolean().optional(),
  taskCount: z.number().optional(),
  replicas: z.number().optional(),
  taskDuration: z.string().optional(),
  lateMessageRejectionPeriod: z.string().optional(),
  earlyMessageRejectionPeriod: z.string().optional(),
  startSuspended: z.boolean().optional(),
});

// The schema plan belongs to lib/infer and changes with it; the draft only checks it is an object.
const storedDraftSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  source: sourceSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  recordCount: z.number().int().nonnegative().optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  io: ioSchema.optional(),
  specText: z.string().optional(),
  specBasis: z.record(z.string(), z.string().optional()).optional(),
  baseSpec: z.unknown().optional(),
  step: z.string().optional(),
  submitted: z.object({ at: z.number(), supervisorId: z.string() }).optional(),
});

export type DecodedDraft =
  | {
      readonly ok: true;
      /** The draft without its records (they are stored apart). */
      readonly draft: LoadDraft;
      /** The format it was stored in, when older than this one. */
      readonly upgradedFrom?: number;
      /** Records a version 1 draft kept inline, to move to their own store. */
      readonly inlineRecords?: readonly SampleRecord[];
    }
  | { readonly ok: false; readonly problem: string };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function decodeStoredDraft(text: string): DecodedDraft {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `it is not valid JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'it is not a draft object' };
  const version = (json as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: `its format version ${JSON.stringify(version)} is not one Tributary ever wrote` };
  }
  if (version > DRAFT_VERSION) {
    return { ok: false, problem: `a newer version of Tributary saved it (format ${version}; this one reads up to ${DRAFT_VERSION}), so it is kept unchanged` };
  }
  const parsed = storedDraftSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `it is damaged: ${describeIssue(parsed.error.issues[0])}` };
  const { records, version: _version, ...rest } = parsed.data as Record<string, unknown> & z.infer<typeof storedDraftSchema>;
  let inlineRecords: SampleRecord[] | undefined;
  if (version === 1 && Array.isArray(records)) {
    const checked = z.array(SampleRecordSchema).safeParse(records);
    if (!checked.success) return { ok: false, problem: `its sample is damaged: records.${describeIssue(checked.error.issues[0])}` };
    inlineRecords = checked.data;
  }
  const draft = {
    ...rest,
    version: DRAFT_VERSION,
    ...(inlineRecords ? { recordCount: inlineRecords.length } : {}),
  } as LoadDraft;
  return { ok: true, draft, ...(version < DRAFT_VERSION ? { upgradedFrom: version } : {}), ...(inlineRecords ? { inlineRecords } : {}) };
}

/** The text kept in localStorage: the draft without its records. */
export function encodeStoredDraft(draft: LoadDraft): string {
  const { records, ...rest } = draft;
  return JSON.stringify({ ...rest, version: DRAFT_VERSION, recordCount: records ? records.length : draft.recordCount });
}
