import { describe, expect, it } from 'vitest';
import { DiagnosisSchema } from './diagnosis-schema';
import { acceptedWindow, diagnose, eventTimeSpread, periodCovering, RESET_TO_EARLIEST_HREF, type DiagnosisEvidence, type DiagnosisSpec, type SampledRow } from './diagnosis';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;

const spec: DiagnosisSpec = {
  topic: 'clicks',
  taskCount: 1,
  lateMessageRejectionPeriod: null,
  earlyMessageRejectionPeriod: null,
  lateMessageRejectionStartDateTime: null,
  filter: null,
  useEarliestOffset: true,
  resetOffsetAutomatically: false,
  maxSavedParseExceptions: 10,
};

const healthy: DiagnosisEvidence = {
  supervisorId: 'clicks',
  now: NOW,
  detailedState: 'RUNNING',
  suspended: false,
  recentErrors: [],
  spec,
  kafka: { problem: null, partitions: [{ partition: 0, earliest: 0n, latest: 40n }, { partition: 1, earliest: 0n, latest: 38n }] },
  storedOffsets: new Map([[0, 40n], [1, 38n]]),
  rowTotals: { processed: 78, processedWithError: 0, unparseable: 0, thrownAway: 0 },
  parseExceptions: [],
  sample: Array.from({ length: 10 }, (_, i) => row(i, NOW - i * 60_000)),
  failedTasks: [],
  problems: [],
};

function row(offset: number, eventTime: number, partition = 0): SampledRow {
  return { partition, offset: String(offset), value: JSON.stringify({ time: new Date(eventTime).toISOString(), url: '/a' }), outcome: 'row', eventTime };
}

const diagnosed = (changes: Partial<DiagnosisEvidence>) => DiagnosisSchema.parse(diagnose({ ...healthy, ...changes }));
const only = (changes: Partial<DiagnosisEvidence>) => {
  const { findings } = diagnosed(changes);
  expect(findings).toHaveLength(1);
  return findings[0];
};

describe('a supervisor that reads and keeps every row', () => {
  it('has no findings', () => {
    expect(diagnosed({}).findings).toEqual([]);
  });
});

describe('unparseable rows', () => {
  const parseExceptions = [
    { input: '{"time": "not a time", "url": "/b"}', message: 'Timestamp[not a time] is unparseable! Event: {time=not a time, url=/b}' },
    { input: 'this is not json', message: 'Unable to parse row [this is not json]' },
  ];

  it('are shown with Druid\'s examples and the sampled offending offsets, and nothing landing makes it an error', () => {
    const finding = only({
      rowTotals: { processed: 0, processedWithError: 0, unparseable: 3, thrownAway: 0 },
      parseExceptions,
      sample: [{ partition: 1, offset: '7', value: 'this is not json', outcome: 'unparseable', reason: 'Unable to parse row [this is not json]' }],
    });
    expect(finding.kind).toBe('unparseable');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('Druid could not parse 3 rows');
    expect(finding.message).toContain('Timestamp[not a time] is unparseable!');
    expect(finding.evidence.examples?.map((e) => [e.source, e.partition, e.offset, e.value])).toEqual([
      ['task-report', null, null, '{"time": "not a time", "url": "/b"}'],
      ['task-report', null, null, 'this is not json'],
      ['sample', 1, '7', 'this is not json'],
    ]);
    expect(finding.fix).toEqual({ label: 'Edit the inputFormat and timestampSpec', href: '/load/edit/clicks' });
  });

  it('say how to keep examples when Druid saved none, and take them from the sample', () => {
    const finding = only({
      spec: { ...spec, maxSavedParseExceptions: 0 },
      rowTotals: { processed: 5, processedWithError: 0, unparseable: 1, thrownAway: 0 },
      sample: [{ partition: 0, offset: '3', value: 'oops', outcome: 'unparseable', reason: 'Unable to parse row [oops]' }],
    });
    expect(finding.evidence.facts.some((f) => f.includes('maxSavedParseExceptions is 0'))).toBe(true);
    expect(finding.evidence.examples).toEqual([{ partition: 0, offset: '3', value: 'oops', reason: 'Unable to parse row [oops]', eventTime: null, source: 'sample' }]);
  });

  it('are a warning while other rows still land', () => {
    expect(only({ rowTotals: { processed: 50, processedWithError: 0, unparseable: 2, thrownAway: 0 }, parseExceptions }).severity).toBe('warning');
  });
});

describe('rows thrown away for their event time', () => {
  const lateSpec = { ...spec, lateMessageRejectionPeriod: 'PT1H' };
  const sample = [...Array.from({ length: 6 }, (_, i) => row(i, NOW - 3 * HOUR - i * 60_000)), ...Array.from({ length: 4 }, (_, i) => row(6 + i, NOW - i * 60_000))];

  it('draw the sampled event times against the window and name the period that keeps them', () => {
    const finding = only({ spec: lateSpec, rowTotals: { processed: 4, processedWithError: 0, unparseable: 0, thrownAway: 6 }, sample });
    expect(finding.kind).toBe('thrown_away');
    expect(finding.severity).toBe('warning');
    expect(finding.evidence.settings).toEqual([{ name: 'lateMessageRejectionPeriod', value: 'PT4H', current: 'PT1H', keepsPercent: 100, currentKeepsPercent: 40 }]);
    expect(finding.message).toContain('lateMessageRejectionPeriod PT4H would keep 100% of the sampled rows (PT1H keeps 40%)');
    expect(finding.evidence.examples).toHaveLength(5);
    expect(finding.evidence.examples?.[0]).toMatchObject({ partition: 0, offset: '0', eventTime: new Date(NOW - 3 * HOUR).toISOString(), source: 'sample' });
    expect(finding.evidence.examples?.[0].reason).toContain('lateMessageRejectionPeriod PT1H');
    const spread = finding.evidence.spread!;
    expect(spread.window).toEqual({ startMs: NOW - HOUR, endMs: null });
    expect(spread.buckets.reduce((n, b) => n + b.rows, 0)).toBe(10);
    expect(spread.buckets.filter((b) => b.side === 'late').reduce((n, b) => n + b.rows, 0)).toBe(6);
    expect(finding.fix).toEqual({ label: 'Set lateMessageRejectionPeriod to PT4H', href: '/load/edit/clicks' });
    expect(finding.evidence.facts).toContain('A new setting applies to rows read from then on: to read the rows already thrown away, reset the supervisor to a time before them after changing it.');
  });

  it('keep one far outlier from making the suggested window months long', () => {
    const many = [...Array.from({ length: 99 }, (_, i) => row(i, NOW - 2 * HOUR - i * 1000)), row(99, Date.parse('2020-01-01T00:00:00Z'))];
    const finding = only({ spec: lateSpec, sample: many });
    expect(finding.evidence.settings?.[0]).toMatchObject({ value: 'PT3H', keepsPercent: 99 });
    // Druid counted none yet: the sample alone is a notice.
    expect(finding.severity).toBe('info');
  });

  it('that come too early name earlyMessageRejectionPeriod', () => {
    const finding = only({ spec: { ...spec, earlyMessageRejectionPeriod: 'PT1H' }, sample: [row(0, NOW), row(1, NOW + 5 * HOUR)] });
    expect(finding.evidence.settings).toEqual([{ name: 'earlyMessageRejectionPeriod', value: 'PT5H', current: 'PT1H', keepsPercent: 100, currentKeepsPercent: 50 }]);
  });

  it('before lateMessageRejectionStartDateTime suggest an earlier start', () => {
    const finding = only({ spec: { ...spec, lateMessageRejectionStartDateTime: '2026-12-07T00:00:00Z' }, sample: [row(0, NOW), row(1, Date.parse('2026-12-05T08:00:00Z'))] });
    expect(finding.evidence.settings?.[0]).toMatchObject({ name: 'lateMessageRejectionStartDateTime', value: '2026-12-05T00:00:00.000Z', keepsPercent: 100 });
  });

  it('by a filter say the filter drops them', () => {
    const filter = JSON.stringify({ type: 'selector', dimension: 'url', value: '/a' });
    const finding = only({
      spec: { ...spec, filter },
      rowTotals: { processed: 9, processedWithError: 0, unparseable: 0, thrownAway: 1 },
      sample: [...healthy.sample!.slice(0, 9), { partition: 0, offset: '9', value: '{"url":"/b"}', outcome: 'filtered', reason: 'does not match the transformSpec filter' }],
    });
    expect(finding.message).toContain('The transformSpec filter drops 1 of the 10 sampled messages');
    expect(finding.evidence.facts).toContain(`transformSpec filter: ${filter}`);
    expect(finding.fix?.label).toBe('Edit the transformSpec filter');
  });

  it('that the sample cannot explain are still reported, with no setting to change', () => {
    const finding = only({ rowTotals: { processed: 9, processedWithError: 0, unparseable: 0, thrownAway: 2 } });
    expect(finding.message).toContain('Druid threw away 2 rows');
    expect(finding.evidence.settings).toBeUndefined();
    expect(finding.fix).toBeNull();
  });
});

describe('offsets below the earliest Kafka keeps', () => {
  it('say how much retention deleted and link to the reset to the earliest', () => {
    const finding = only({
      kafka: { problem: null, partitions: [{ partition: 0, earliest: 120n, latest: 150n }, { partition: 1, earliest: 0n, latest: 38n }] },
      storedOffsets: new Map([[0, 40n], [1, 38n]]),
    });
    expect(finding.kind).toBe('offsets_out_of_range');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain("Kafka's retention deleted 80 messages");
    expect(finding.evidence.partitions).toEqual([{ partition: 0, stored: '40', earliest: '120', latest: '150', deleted: '80' }]);
    expect(finding.evidence.facts.some((f) => f.includes('resetOffsetAutomatically'))).toBe(true);
    expect(finding.fix).toEqual({ label: 'Reset to the earliest offsets', href: RESET_TO_EARLIEST_HREF });
  });

  it('stay exact past 2^53', () => {
    const finding = only({ kafka: { problem: null, partitions: [{ partition: 0, earliest: 9007199254740993n, latest: 9007199254740999n }] }, storedOffsets: new Map([[0, 9007199254740990n]]) });
    expect(finding.evidence.partitions?.[0]).toMatchObject({ stored: '9007199254740990', deleted: '3' });
  });
});

describe('connecting to the stream', () => {
  it('names a missing topic', () => {
    const finding = only({ detailedState: 'UNABLE_TO_CONNECT_TO_STREAM', kafka: { problem: { kind: 'topic_missing', message: 'Kafka has no topic "clicks".' }, partitions: [] } });
    expect(finding).toMatchObject({ kind: 'cannot_connect', severity: 'error' });
    expect(finding.message).toContain('Topic "clicks" does not exist on Kafka');
  });

  it('names refused credentials when Druid cannot connect either, and leaves Tributary\'s own refusal out otherwise', () => {
    const kafka = { problem: { kind: 'auth' as const, message: 'Kafka refused Tributary\'s credentials' }, partitions: [] };
    expect(only({ detailedState: 'UNABLE_TO_CONNECT_TO_STREAM', kafka }).message).toContain('Kafka refused access to "clicks"');
    expect(diagnosed({ kafka }).findings).toEqual([]);
  });

  it('tells Druid\'s connection apart from Tributary\'s when only Druid cannot connect', () => {
    const finding = only({
      detailedState: 'UNABLE_TO_CONNECT_TO_STREAM',
      recentErrors: [{ timestamp: '2026-12-07T11:59:00Z', message: 'org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata' }],
    });
    expect(finding.message).toContain("Druid connects with the spec's consumerProperties");
    expect(finding.evidence.facts[0]).toContain('Timeout expired while fetching topic metadata');
    expect(finding.fix?.href).toBe('/load/edit/clicks');
  });
});

describe('failing tasks', () => {
  it('show the first error of the log, or say the log is not kept', () => {
    const finding = only({
      detailedState: 'UNHEALTHY_TASKS',
      failedTasks: [
        { taskId: 'index_kafka_clicks_1', createdTime: '2026-12-07T11:50:00Z', errorMsg: 'java.lang.RuntimeException: boom', logLine: null, logNote: 'This worker keeps no task logs' },
        { taskId: 'index_kafka_clicks_0', createdTime: '2026-12-07T11:40:00Z', errorMsg: 'java.lang.RuntimeException: boom', logLine: null, logNote: null },
      ],
    });
    expect(finding).toMatchObject({ kind: 'task_failing', severity: 'error', fix: null });
    expect(finding.message).toContain('2 tasks of this supervisor failed recently; the latest: java.lang.RuntimeException: boom');
    expect(finding.evidence.facts).toEqual(['This worker keeps no task logs']);
  });

  it('link to the reset when they met deleted offsets', () => {
    const finding = only({
      failedTasks: [{ taskId: 't', createdTime: null, errorMsg: null, logLine: 'ERROR ... OffsetOutOfRangeException: Fetch position FetchPosition{offset=40} is out of range for partition clicks-0', logNote: null }],
    });
    expect(finding.severity).toBe('warning');
    expect(finding.fix?.href).toBe(RESET_TO_EARLIEST_HREF);
  });
});

describe('taskCount', () => {
  it('above the partition count says how many tasks Druid really runs', () => {
    const finding = only({ spec: { ...spec, taskCount: 4 } });
    expect(finding).toMatchObject({ kind: 'task_count', severity: 'info', fix: { label: 'Set taskCount to 2', href: '/load/edit/clicks' } });
    expect(finding.message).toContain('taskCount is 4 but topic "clicks" has 2 partitions');
  });
});

describe('findings', () => {
  it('come most severe first', () => {
    const { findings } = diagnosed({ spec: { ...spec, taskCount: 4 }, rowTotals: { processed: 0, processedWithError: 0, unparseable: 1, thrownAway: 0 }, parseExceptions: [{ input: 'x', message: 'bad' }] });
    expect(findings.map((f) => f.kind)).toEqual(['unparseable', 'task_count']);
  });
});

describe('the helpers', () => {
  it('round periods up to hours, or days past two days', () => {
    expect(periodCovering(1)).toBe('PT1H');
    expect(periodCovering(3 * HOUR + 1)).toBe('PT4H');
    expect(periodCovering(49 * HOUR)).toBe('P3D');
  });

  it('read the window from the period or the start date', () => {
    expect(acceptedWindow({ ...spec, lateMessageRejectionPeriod: 'PT1H', earlyMessageRejectionPeriod: 'PT30M' }, NOW)).toEqual({ startMs: NOW - HOUR, endMs: NOW + HOUR / 2 });
    expect(acceptedWindow({ ...spec, lateMessageRejectionStartDateTime: '2026-12-01T00:00:00Z' }, NOW)).toEqual({ startMs: Date.parse('2026-12-01T00:00:00Z'), endMs: null });
  });

  it('bucket every time, the newest into the last bucket', () => {
    const spread = eventTimeSpread([NOW - 2 * HOUR, NOW], { startMs: NOW - HOUR, endMs: null }, NOW);
    expect(spread.buckets[0]).toMatchObject({ rows: 1, side: 'late' });
    expect(spread.buckets.at(-1)).toMatchObject({ rows: 1, side: 'inside' });
  });
});

describe('a supervisor whose stored offsets Kafka deleted, as Druid 33 says it', () => {
  const deletedError = {
    timestamp: '2026-12-07T21:55:20.000Z',
    exceptionClass: 'org.apache.druid.java.util.common.ISE',
    message:
      "org.apache.druid.java.util.common.ISE: Previous sequenceNumber [5] is no longer available for partition [KafkaTopicPartition{partition=0, topic='null', multiTopicPartition=false}]. You can clear the previous sequenceNumber and start reading from a valid message by using the supervisor's reset API.",
  };
  const kafka = { problem: null, partitions: [{ partition: 0, earliest: 12n, latest: 15n }] };

  it('is offsets_out_of_range with the reset, not a connection problem, while its status has no offsets', () => {
    const finding = only({ detailedState: 'CREATING_TASKS', recentErrors: [deletedError], kafka, storedOffsets: new Map(), sample: [], rowTotals: null });
    expect(finding.kind).toBe('offsets_out_of_range');
    expect(finding.evidence.partitions).toEqual([{ partition: 0, stored: '5', earliest: '12', latest: '15', deleted: '7' }]);
    expect(finding.fix?.href).toBe(RESET_TO_EARLIEST_HREF);
  });

  it('once Druid calls it UNABLE_TO_CONNECT_TO_STREAM', () => {
    const finding = only({ detailedState: 'UNABLE_TO_CONNECT_TO_STREAM', recentErrors: [deletedError, deletedError], kafka, storedOffsets: new Map([[0, 5n]]), sample: [], rowTotals: null });
    expect(finding.kind).toBe('offsets_out_of_range');
    expect(finding.message).toContain("Kafka's retention deleted 7 messages");
  });

  it('is still told from the error when Kafka cannot be read', () => {
    const finding = diagnosed({ recentErrors: [deletedError], kafka: { problem: { kind: 'unreachable', message: 'Kafka-side checks were skipped' }, partitions: [] }, storedOffsets: new Map(), sample: null, rowTotals: null }).findings[0];
    expect(finding.kind).toBe('offsets_out_of_range');
    expect(finding.evidence.facts[0]).toBe('Partition 0: Druid stopped at offset 5, which Kafka no longer has.');
  });
});
