// What a spec update means for data already ingested. The meanings follow Druid's docs on
// supervisor updates (tasks stop reading, publish, and new tasks resume from the stored offsets),
// Kafka offsets, segment immutability and schema changes.
import { dimensionName, dimensionType } from './dimensions-spec';
import { normalizeGranularity, DEFAULT_QUERY_GRANULARITY, DEFAULT_ROLLUP, DEFAULT_SEGMENT_GRANULARITY } from './granularity-spec';
import { pathToText, type JsonPath } from './issue';
import type { SupervisorSpec } from './supervisor-spec';
import { timestampColumnOf, timestampFormatOf } from './timestamp-spec';

export type RiskKind =
  | 'topic-change'
  | 'datasource-change'
  | 'dimension-removed'
  | 'dimension-type-change'
  | 'metric-removed'
  | 'metric-change'
  | 'segment-granularity-change'
  | 'query-granularity-change'
  | 'rollup-change'
  | 'input-format-change'
  | 'timestamp-change'
  | 'start-offset-change';

export interface SpecRisk {
  readonly kind: RiskKind;
  readonly path: JsonPath;
  readonly pathText: string;
  readonly severity: 'high' | 'medium' | 'low';
  readonly title: string;
  /** What the change means for the data already in Druid and for what comes next. */
  readonly meaning: string;
}

interface ChangeLike {
  readonly path: JsonPath;
  readonly pathText: string;
}

function risk(kind: RiskKind, path: JsonPath, severity: SpecRisk['severity'], title: string, meaning: string): SpecRisk {
  return { kind, path, pathText: pathToText(path), severity, title, meaning };
}

const touches = (changes: readonly ChangeLike[], prefix: string) =>
  changes.some((c) => c.pathText === prefix || c.pathText.startsWith(`${prefix}.`) || c.pathText.startsWith(`${prefix}[`));

export function risksOf(before: SupervisorSpec, after: SupervisorSpec, changes: readonly ChangeLike[]): SpecRisk[] {
  const risks: SpecRisk[] = [];
  const a = before.spec;
  const b = after.spec;

  const topicA = a.ioConfig.topic ?? a.ioConfig.topicPattern;
  const topicB = b.ioConfig.topic ?? b.ioConfig.topicPattern;
  if (topicA !== topicB) {
    const path = ['spec', 'ioConfig', b.ioConfig.topic != null ? 'topic' : 'topicPattern'];
    risks.push(
      risk('topic-change', path, 'high', `Topic changes from "${topicA}" to "${topicB}"`,
        `Druid stores the offsets it has read per topic partition for this datasource, and they mean nothing for "${topicB}". ` +
          'Recent Druid versions reject an update that changes the topic; older ones fail to publish until the supervisor is reset, ' +
          'after which reading starts at the earliest or latest offsets as useEarliestOffset says. ' +
          `Rows already ingested from "${topicA}" stay in the datasource, mixed with the new topic's rows. ` +
          'To read a different topic into a fresh datasource, submit a new supervisor instead.'),
    );
  }

  if (a.dataSchema.dataSource !== b.dataSchema.dataSource) {
    risks.push(
      risk('datasource-change', ['spec', 'dataSchema', 'dataSource'], 'high', `Datasource changes from "${a.dataSchema.dataSource}" to "${b.dataSchema.dataSource}"`,
        `A supervisor is identified by its datasource, so this starts a second supervisor writing to "${b.dataSchema.dataSource}", ` +
          `with no offsets stored: it begins where useEarliestOffset says. The supervisor for "${a.dataSchema.dataSource}" keeps running ` +
          'until you terminate it, and its data stays where it is; nothing is copied to the new datasource.'),
    );
  }

  const dimsB = new Map((b.dataSchema.dimensionsSpec?.dimensions ?? []).map((d) => [dimensionName(d), d]));
  (a.dataSchema.dimensionsSpec?.dimensions ?? []).forEach((d, i) => {
    const name = dimensionName(d);
    const next = dimsB.get(name);
    if (!next) {
      risks.push(
        risk('dimension-removed', ['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', i], 'medium', `Dimension "${name}" is removed`,
          `Segments already published keep the "${name}" column; only segments built after the update lack it, so queries over both ` +
            `periods see values for old rows and null for new ones. Removing it from history takes a reindex or compaction.`),
      );
    } else if (dimensionType(d) !== dimensionType(next)) {
      risks.push(
        risk('dimension-type-change', ['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', i], 'medium',
          `Dimension "${name}" changes type from ${dimensionType(d)} to ${dimensionType(next)}`,
          `Old segments keep "${name}" as ${dimensionType(d)}; new ones store ${dimensionType(next)}. Druid reconciles the types at query time, ` +
            'so filters, sorting and grouping on this column can behave differently on either side of the change until old data is reindexed.'),
      );
    }
  });

  const metricsB = new Map((b.dataSchema.metricsSpec ?? []).map((m) => [m.name, m]));
  (a.dataSchema.metricsSpec ?? []).forEach((m, i) => {
    const next = metricsB.get(m.name);
    const path = ['spec', 'dataSchema', 'metricsSpec', i];
    if (!next) {
      risks.push(
        risk('metric-removed', path, 'medium', `Metric "${m.name}" is removed`,
          `Segments already published keep "${m.name}"; new segments do not compute it, so totals of "${m.name}" stop growing from the update on.`),
      );
    } else if (m.type !== next.type || m.fieldName !== next.fieldName) {
      risks.push(
        risk('metric-change', path, 'medium', `Metric "${m.name}" changes from ${m.type}(${m.fieldName ?? ''}) to ${next.type}(${next.fieldName ?? ''})`,
          `Stored values are never recomputed: old segments keep ${m.type} of ${m.fieldName ?? 'its input'}, new ones hold ${next.type} of ` +
            `${next.fieldName ?? 'its input'}. Queries that aggregate across both mix the two meanings, and for sketches or other complex ` +
            'types, combining different types can make queries fail.'),
      );
    }
  });

  const ga = a.dataSchema.granularitySpec ?? {};
  const gb = b.dataSchema.granularitySpec ?? {};
  const segA = normalizeGranularity(ga.segmentGranularity ?? DEFAULT_SEGMENT_GRANULARITY);
  const segB = normalizeGranularity(gb.segmentGranularity ?? DEFAULT_SEGMENT_GRANULARITY);
  if (segA !== segB) {
    risks.push(
      risk('segment-granularity-change', ['spec', 'dataSchema', 'granularitySpec', 'segmentGranularity'], 'medium',
        `Segment granularity changes from ${segA} to ${segB}`,
        `Only segments created after the update use ${segB}; existing segments keep their ${segA} intervals until compaction rewrites them. ` +
          'Queries work across both, but late rows for an interval already covered by the old granularity may be added to those older segments.'),
    );
  }
  const qA = normalizeGranularity(ga.queryGranularity ?? DEFAULT_QUERY_GRANULARITY);
  const qB = normalizeGranularity(gb.queryGranularity ?? DEFAULT_QUERY_GRANULARITY);
  if (qA !== qB) {
    risks.push(
      risk('query-granularity-change', ['spec', 'dataSchema', 'granularitySpec', 'queryGranularity'], 'medium',
        `Query granularity changes from ${qA} to ${qB}`,
        `New rows have their timestamps truncated to ${qB}; rows already stored keep ${qA} precision. ` +
          'Time precision dropped at ingestion cannot be recovered, and charts at a finer grain show a step where the change took effect.'),
    );
  }
  const rollupA = ga.rollup ?? DEFAULT_ROLLUP;
  const rollupB = gb.rollup ?? DEFAULT_ROLLUP;
  if (rollupA !== rollupB) {
    risks.push(
      risk('rollup-change', ['spec', 'dataSchema', 'granularitySpec', 'rollup'], 'high', `Rollup turns ${rollupB ? 'on' : 'off'}`,
        `Existing segments stay ${rollupA ? 'rolled up' : 'one row per event'}; new ones are ${rollupB ? 'rolled up' : 'one row per event'}. ` +
          'With rollup one stored row stands for many events, so COUNT(*) counts stored rows, not events; count events with the sum of a ' +
          'count metric to get consistent numbers across the change.'),
    );
  }

  if (touches(changes, 'spec.ioConfig.inputFormat')) {
    const fa = a.ioConfig.inputFormat?.type ?? '(none)';
    const fb = b.ioConfig.inputFormat?.type ?? '(none)';
    risks.push(
      risk('input-format-change', ['spec', 'ioConfig', 'inputFormat'], 'high',
        fa === fb ? `Input format (${fb}) settings change` : `Input format changes from ${fa} to ${fb}`,
        'Rows already ingested are not parsed again. New tasks resume at the stored offsets and read every message from there with the new ' +
          'format; messages it cannot read count as parse errors and are dropped, or fail the tasks once maxParseExceptions is reached. ' +
          'Check the new format against a sample of the topic before submitting.'),
    );
  }

  const tsA = `${timestampColumnOf(a.dataSchema.timestampSpec)}/${timestampFormatOf(a.dataSchema.timestampSpec)}`;
  const tsB = `${timestampColumnOf(b.dataSchema.timestampSpec)}/${timestampFormatOf(b.dataSchema.timestampSpec)}`;
  if (tsA !== tsB) {
    risks.push(
      risk('timestamp-change', ['spec', 'dataSchema', 'timestampSpec'], 'high', `Timestamp changes from ${tsA} to ${tsB} (column/format)`,
        'Rows already stored keep their times. New messages take their time from the new column and format: if it does not match the data, ' +
          'messages are rejected as unparseable or land at wrong times (for example 1970 for seconds read as milliseconds), ' +
          'where late-message rejection or queries over the expected interval will miss them.'),
    );
  }

  if ((a.ioConfig.useEarliestOffset ?? false) !== (b.ioConfig.useEarliestOffset ?? false)) {
    risks.push(
      risk('start-offset-change', ['spec', 'ioConfig', 'useEarliestOffset'], 'low', `useEarliestOffset changes to ${b.ioConfig.useEarliestOffset ?? false}`,
        'This only decides where reading starts when no offsets are stored. A running supervisor continues from its stored offsets, so ' +
          'nothing changes until the supervisor is reset; after a reset it reads from the ' +
          `${b.ioConfig.useEarliestOffset ? 'earliest offsets, ingesting the retained history again (duplicates of rows already stored)' : 'latest offsets, skipping whatever arrived meanwhile'}.`),
    );
  }
  return risks;
}
