// The review step's model: the spec the draft describes, the JSON text the user sees (hand edits
// win), live validation of that text, and the two-way mapping between the text and the io form.
import { applyEdits, modify, parseTree } from 'jsonc-parser';
// Deep imports keep inference's Node-only decoders out of the browser bundle.
import { toDruidPieces } from '@/lib/infer/druid-spec';
import type { LoadPlan as SchemaPlan } from '@/lib/infer/model';
import {
  buildSpec,
  error,
  importSpec,
  importSpecValue,
  kafkaSecurityProperties,
  loadPlanSchema,
  pathToText,
  planFromSpec,
  specToJson,
  type ImportResult,
  type Issue,
  type JsonPath,
  type LoadPlan,
  type OwnClusters,
  type SupervisorSpec,
} from '@/lib/spec';
import type { DraftIoSettings, LoadDraft } from '../draft/draft';
import type { LoadDefaults } from './schemas';

/** Where each io form field lives in the (wrapped) spec. */
export const IO_FIELD_PATHS: Readonly<Record<keyof DraftIoSettings, JsonPath>> = {
  topic: ['spec', 'ioConfig', 'topic'],
  datasource: ['spec', 'dataSchema', 'dataSource'],
  useEarliestOffset: ['spec', 'ioConfig', 'useEarliestOffset'],
  taskCount: ['spec', 'ioConfig', 'taskCount'],
  replicas: ['spec', 'ioConfig', 'replicas'],
  taskDuration: ['spec', 'ioConfig', 'taskDuration'],
  lateMessageRejectionPeriod: ['spec', 'ioConfig', 'lateMessageRejectionPeriod'],
  earlyMessageRejectionPeriod: ['spec', 'ioConfig', 'earlyMessageRejectionPeriod'],
  startSuspended: ['suspended'],
};

export const START_OFFSET_QUESTION =
  'Choose where reading starts: from the earliest offset (the messages already in the topic, then new ones) or from the latest (new messages only)';

/** A datasource name from a topic name: Druid refuses names that start with "." or contain "/". */
export function datasourceFromTopic(topic: string): string {
  return topic.replace(/^\.+/, '').replace(/\//g, '_') || 'kafka';
}

export function topicOf(draft: LoadDraft): string | undefined {
  return draft.source.kind === 'paste' ? undefined : draft.source.topic || undefined;
}

/** The running spec an edit draft started from, in canonical form. */
export function baseSpecOf(draft: LoadDraft): SupervisorSpec | undefined {
  return draft.baseSpec === undefined ? undefined : importSpecValue(draft.baseSpec).spec;
}

export interface GeneratedSpec {
  readonly spec?: SupervisorSpec;
  readonly text?: string;
  /** What keeps the form from describing a complete spec, each at the field it is about. */
  readonly issues: Issue[];
}

/**
 * The spec the wizard's choices describe. The schema comes from the schema steps (or, for an
 * edit, from the running spec); the io settings from the form; the brokers from the server.
 */
export function generateSpec(draft: LoadDraft, schema: SchemaPlan | undefined, defaults: LoadDefaults): GeneratedSpec {
  const base = baseSpecOf(draft);
  const fromBase = base ? planFromSpec(base).plan : undefined;
  const pieces = schema ? toDruidPieces(schema) : fromBase;
  if (!pieces) return { issues: [error([], 'There is no schema yet: go back to the schema step and accept one.')] };
  const io = draft.io ?? {};
  const topic = topicOf(draft);
  const input = {
    topic: io.topic || (fromBase?.topic ?? topic),
    topicPattern: fromBase?.topicPattern,
    datasource: io.datasource ?? fromBase?.datasource ?? datasourceFromTopic(io.topic || (topic ?? 'kafka')),
    bootstrapServers: fromBase?.bootstrapServers.length ? fromBase.bootstrapServers : defaults.bootstrapServers,
    // A new spec reaches Kafka as the server's own client does; an edit keeps the running spec's settings.
    consumerProperties: fromBase?.consumerProperties ?? (defaults.kafkaSecurity ? kafkaSecurityProperties(defaults.kafkaSecurity) : {}),
    inputFormat: pieces.inputFormat,
    timestampSpec: pieces.timestampSpec,
    dimensionsSpec: pieces.dimensionsSpec,
    metricsSpec: pieces.metricsSpec,
    granularitySpec: pieces.granularitySpec,
    transformSpec: pieces.transformSpec,
    // Filled for building only; an unanswered question is reported and left out of the JSON.
    useEarliestOffset: io.useEarliestOffset ?? false,
    taskCount: io.taskCount ?? fromBase?.taskCount,
    replicas: io.replicas ?? fromBase?.replicas,
    taskDuration: io.taskDuration ?? fromBase?.taskDuration,
    lateMessageRejectionPeriod: io.lateMessageRejectionPeriod ?? (schema?.lateMessageRejectionPeriod || fromBase?.lateMessageRejectionPeriod),
    earlyMessageRejectionPeriod: io.earlyMessageRejectionPeriod ?? fromBase?.earlyMessageRejectionPeriod,
    tuning: fromBase?.tuning ?? {},
    suspended: io.startSuspended ? true : undefined,
  };
  if (!input.topic && !input.topicPattern) return { issues: [error(IO_FIELD_PATHS.topic, 'Name the Kafka topic to read: pasted messages do not say which topic they come from.')] };
  const parsed = loadPlanSchema.safeParse(input);
  if (!parsed.success) {
    return { issues: parsed.error.issues.map((i) => error(formPath(i.path), `${pathToText(i.path.filter((k): k is string | number => typeof k !== 'symbol'))}: ${i.message}`)) };
  }
  const spec = buildSpec(parsed.data as LoadPlan, { base });
  if (io.useEarliestOffset === undefined) delete (spec.spec.ioConfig as Record<string, unknown>).useEarliestOffset;
  return { spec, text: specToJson(spec), issues: [] };
}

function formPath(path: readonly PropertyKey[]): JsonPath {
  const field = String(path[0]);
  const known = (IO_FIELD_PATHS as Record<string, JsonPath>)[field === 'suspended' ? 'startSuspended' : field];
  return known ?? ['spec'];
}

export interface TextCheck extends ImportResult {
  /** Blocking issues: parse errors, schema errors, semantic errors, unanswered questions. */
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/**
 * Live validation of the editor's text, as Druid would judge it plus the wizard's own question, and
 * as the server will: an address outside its own clusters is an error here already.
 */
export function checkSpecText(text: string, partitionCount?: number, ownClusters?: OwnClusters): TextCheck {
  const result = importSpec(text, { partitionCount, ownClusters });
  const issues = [...result.issues];
  if (result.spec && planFromSpec(result.spec).defaulted.includes('spec.ioConfig.useEarliestOffset')) {
    issues.push(error(['spec', 'ioConfig'], `useEarliestOffset is not set. ${START_OFFSET_QUESTION}.`));
  }
  return { ...result, issues, errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}

/** The io form's values as a spec states them, so hand edits flow back into the form. */
export function ioFromSpec(spec: SupervisorSpec): DraftIoSettings {
  const { plan, defaulted } = planFromSpec(spec);
  return {
    topic: plan.topic,
    datasource: plan.datasource,
    useEarliestOffset: defaulted.includes('spec.ioConfig.useEarliestOffset') ? undefined : plan.useEarliestOffset,
    taskCount: plan.taskCount,
    replicas: plan.replicas,
    taskDuration: plan.taskDuration,
    lateMessageRejectionPeriod: plan.lateMessageRejectionPeriod,
    earlyMessageRejectionPeriod: plan.earlyMessageRejectionPeriod,
    startSuspended: spec.suspended === true,
  };
}

/**
 * Writes form changes into hand-edited JSON, keeping everything else (formatting included).
 * The text may be in Druid's top-level form (dataSchema at the root): paths follow it.
 */
export function applyIoToText(text: string, changes: Partial<DraftIoSettings>): string {
  const root = parseTree(text);
  const wrapped = !root || root.type !== 'object' || root.children?.some((p) => p.children?.[0]?.value === 'spec');
  let next = text;
  for (const [field, value] of Object.entries(changes) as [keyof DraftIoSettings, unknown][]) {
    const full = IO_FIELD_PATHS[field];
    const path = wrapped || full[0] !== 'spec' ? full : full.slice(1);
    const cleared = value === undefined || value === '' || (field === 'startSuspended' && value === false);
    next = applyEdits(next, modify(next, [...path], cleared ? undefined : value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  return next;
}
