// A wizard draft: everything a user has chosen for one load, kept in the browser so a reload,
// a crash or a closed tab loses nothing. One draft per topic (or pasted sample, or edited
// supervisor); the URL says which draft a page shows.
import type { SampleRecord } from '@/lib/kafka/schemas';
import type { LoadPlan as SchemaPlan } from '@/lib/infer/model';

/**
 * The stored format. 1: everything in localStorage, records included. 2: records in IndexedDB,
 * their count beside the rest in localStorage. draft-format.ts upgrades older formats.
 */
export const DRAFT_VERSION = 2;

export type DraftSource =
  | { readonly kind: 'kafka'; readonly topic: string }
  | { readonly kind: 'paste' }
  | { readonly kind: 'edit'; readonly supervisorId: string; readonly topic: string };

/** Supervisor settings the wizard asks for beside the schema (lib/spec's LoadPlan io part). */
export interface DraftIoSettings {
  /** The topic to read, for pasted messages (a Kafka draft reads its own topic). */
  readonly topic?: string;
  readonly datasource?: string;
  /** No default on purpose: Druid's default (latest) silently skips a topic's history. */
  readonly useEarliestOffset?: boolean;
  readonly taskCount?: number;
  readonly replicas?: number;
  readonly taskDuration?: string;
  readonly lateMessageRejectionPeriod?: string;
  readonly earlyMessageRejectionPeriod?: string;
  readonly startSuspended?: boolean;
}

export interface LoadDraft {
  readonly version: typeof DRAFT_VERSION;
  readonly id: string;
  readonly name: string;
  readonly source: DraftSource;
  readonly createdAt: number;
  readonly updatedAt: number;
  /**
   * The records later steps work on: the sample as read, or the pasted lines. After a reload they
   * arrive a moment after the rest of the draft (they live in IndexedDB); recordCount says they exist.
   */
  readonly records?: readonly SampleRecord[];
  /** How many records the draft holds, known before the records themselves are read back. */
  readonly recordCount?: number;
  /** The schema the user confirmed or edited (lib/infer's plan: decode, timestamp, columns, rollup). */
  readonly schema?: SchemaPlan;
  readonly io?: DraftIoSettings;
  /** The review step's JSON text once the user edits it by hand, kept even while it is invalid. */
  readonly specText?: string;
  /**
   * The schema pieces of the generated spec (JSON text by piece) when specText was last in step
   * with the schema steps, so later schema changes reach the hand-edited JSON piece by piece.
   */
  readonly specBasis?: Readonly<Record<string, string | undefined>>;
  /** For edits: the running supervisor's spec the new one is compared with. */
  readonly baseSpec?: unknown;
  /** The last step the user was on, to continue there. */
  readonly step?: string;
  /** The last successful submit of this draft. */
  readonly submitted?: { readonly at: number; readonly supervisorId: string };
}

export function draftIdFor(source: DraftSource, pasteId?: string): string {
  switch (source.kind) {
    case 'kafka':
      return `topic:${source.topic}`;
    case 'edit':
      return `edit:${source.supervisorId}`;
    case 'paste':
      return `paste:${pasteId ?? 'default'}`;
  }
}

/** The name a new draft gets; the drafts list can rename it. */
export function defaultDraftName(source: DraftSource): string {
  switch (source.kind) {
    case 'kafka':
      return source.topic;
    case 'edit':
      return `Edit of ${source.supervisorId}`;
    case 'paste':
      return 'Pasted messages';
  }
}
