// Contract: every response schema parses every matching example from Druid's docs
// (testdata/druid-contract, INDEX.md), and no example is left unchecked.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fixtureJson, fixtureNames } from '../testing/fixtures';
import * as s from './index';

const RESPONSES: Record<string, z.ZodType> = {
  'overlord.supervisor.list.response.json': s.SupervisorListSchema,
  'overlord.supervisor.list-state.response.json': s.SupervisorStateListSchema,
  'overlord.supervisor.list-full.response.json': s.SupervisorFullListSchema,
  'overlord.supervisor.spec.response.json': s.SupervisorSpecSchema,
  'overlord.supervisor.status.response.json': s.SupervisorStatusSchema,
  'overlord.supervisor.status.payload-only.supervisor-md.json': s.SupervisorStatusPayloadSchema,
  'overlord.supervisor.health.unhealthy.response.json': s.SupervisorHealthSchema,
  'overlord.supervisor.stats.response.json': s.SupervisorStatsSchema,
  'overlord.supervisor.history.response.json': s.SupervisorHistorySchema,
  'overlord.supervisor.history-all.response.json': s.SupervisorHistoryAllSchema,
  'overlord.supervisor.post.response.json': s.SupervisorIdResponseSchema,
  'overlord.supervisor.suspend.response.json': s.SupervisorSpecSchema,
  'overlord.supervisor.resume.response.json': s.SupervisorSpecSchema,
  'overlord.supervisor.reset.response.json': s.SupervisorIdResponseSchema,
  'overlord.supervisor.resetOffsets.response.json': s.SupervisorIdResponseSchema,
  'overlord.supervisor.terminate.response.json': s.SupervisorIdResponseSchema,
  'overlord.supervisor.suspendAll.response.json': s.SupervisorBulkResponseSchema,
  'overlord.supervisor.resumeAll.response.json': s.SupervisorBulkResponseSchema,
  'overlord.supervisor.terminateAll.response.json': s.SupervisorBulkResponseSchema,
  'overlord.supervisor.resetOffsets.request.json': s.ResetOffsetsRequestSchema,
  'overlord.supervisor.taskGroups-handoff.request.json': s.TaskGroupsHandoffRequestSchema,
  'overlord.tasks.list.response.json': s.TaskListSchema,
  'overlord.tasks.complete.response.json': s.TaskListSchema,
  'overlord.tasks.running.response.json': s.TaskListSchema,
  'overlord.tasks.waiting.response.json': s.TaskListSchema,
  'overlord.tasks.pending.response.json': s.TaskListSchema,
  'overlord.task.status.response.json': s.TaskStatusResponseSchema,
  'overlord.task.payload.response.json': s.TaskPayloadResponseSchema,
  'overlord.task.reports.response.json': s.TaskReportsSchema,
  'overlord.task.reports.completion.tasks-md.response.json': s.TaskReportsSchema,
  'overlord.task.reports.live.tasks-md.response.json': s.TaskReportsSchema,
  'overlord.task.post.response.json': s.TaskIdResponseSchema,
  'overlord.task.shutdown.response.json': s.TaskIdResponseSchema,
  'overlord.taskStatus.post.response.json': s.TaskStatusMapSchema,
  'overlord.datasource.shutdownAllTasks.response.json': s.DatasourceShutdownResponseSchema,
  'overlord.pendingSegments.delete.response.json': s.PendingSegmentsDeleteResponseSchema,
  'peon.task.rowStats.tasks-md.response.json': s.TaskRowStatsResponseSchema,
  'overlord.sampler.kafka-connect.request.derived.json': s.SamplerRequestSchema,
  'overlord.sampler.kafka-parser.request.derived.json': s.SamplerRequestSchema,
  'overlord.sampler.response.web-console-fixture.json': s.SampleResponseSchema,
  'overlord.sampler.error.400.shape.json': s.SimpleErrorSchema,
  'overlord.isLeader.response.json': s.OverlordIsLeaderSchema,
  'broker.sql.request.json': s.SqlQueryRequestSchema,
  'broker.sql.request.parameters.json': s.SqlQueryRequestSchema,
  'broker.sql.request.arrayLines-header.json': s.SqlQueryRequestSchema,
  'broker.sql.response.object.header-only.json': s.SqlObjectResultSchema,
  'broker.sql.response.object.header-types.json': s.SqlObjectResultSchema,
  'broker.sql.response.object.typesHeader.json': s.SqlObjectResultSchema,
  'broker.sql.response.object.sqlTypesHeader.json': s.SqlObjectResultSchema,
  'broker.sql.response.array.header-only.json': s.SqlArrayResultSchema,
  'broker.sql.response.array.header-types.json': s.SqlArrayResultSchema,
  'broker.sql.response.array.typesHeader.json': s.SqlArrayResultSchema,
  'broker.sql.response.array.sqlTypesHeader.json': s.SqlArrayResultSchema,
  'broker.sql.error.shape.json': s.LegacyQueryErrorSchema,
  'broker.sql-statements.post.response.json': s.SqlStatementSchema,
  'broker.sql-statements.error.shape.json': s.DruidExceptionErrorSchema,
  'broker.native.error.response.json': s.LegacyQueryErrorSchema,
  'broker.native.error.shape.json': s.LegacyQueryErrorSchema,
  'broker.native.timeseries.response.shape.json': s.TimeseriesResultSchema,
  'broker.native.topN.response.json': s.TopNResultSchema,
  'broker.native.topN.social_media.response.json': s.TopNResultSchema,
  'broker.native.groupBy.social_media.response.json': s.GroupByResultSchema,
  'broker.native.search.response.json': s.SearchResultSchema,
  'broker.native.scan.response.list.json': s.ScanResultSchema,
  'broker.native.scan.response.compactedList.json': s.ScanResultSchema,
  'broker.native.timeBoundary.response.json': s.TimeBoundaryResultSchema,
  'broker.native.dataSourceMetadata.response.json': s.DataSourceMetadataResultSchema,
  'broker.native.segmentMetadata.response.json': s.SegmentMetadataResultSchema,
  'broker.loadstatus.response.json': s.BrokerLoadStatusSchema,
  'status.response.json': s.StatusSchema,
  'status.health.response.json': s.StatusHealthSchema,
  'status.selfDiscovered-status.response.json': s.SelfDiscoveredSchema,
  'middlemanager.enabled.response.json': s.WorkerEnabledSchema,
};

const NATIVE_REQUESTS = fixtureNames().filter((name) => /^broker\.native\..*\.request\.json$/.test(name));

/** Files with no response schema, and why. */
const NOT_RESPONSES: Record<string, string> = {
  'INDEX.md': 'the index itself',
  'docker.md': 'deployment notes',
  'kafka-supervisor-spec.reference.json': 'a field reference, checked by lib/spec',
  'ingestion.inputFormat.kafka.example.json': 'an inputFormat, checked by lib/spec',
  'ingestion.inputFormat.kafka.parsed-row.example.json': 'a parsed row, checked by lib/infer',
  'overlord.supervisor.post.request.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.post.request.kafka-metrics.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.post.request.kafka-inputformat.json': 'a spec the app sends, checked by lib/spec',
  'overlord.supervisor.ioConfig.autoScaler-idle.fragment.json': 'a spec fragment, checked by lib/spec',
  'overlord.task.post.request.json': 'a batch task spec; the app submits no tasks',
  'overlord.taskStatus.post.request.json': 'a list of task ids the app would send',
  'broker.sql-statements.post.request.json': 'a request of the asynchronous SQL API, which the app does not use',
  // Plain text bodies: the client returns them as strings, there is nothing to parse.
  'overlord.leader.response.txt': 'plain-text URL',
  'overlord.task.log.response.excerpt.txt': 'plain-text log (see the client tests)',
  'broker.sql.response.csv.header-only.txt': 'CSV (see sql-result tests)',
  'broker.sql.response.csv.header-types.txt': 'CSV (see sql-result tests)',
  // The docs print these outputs with <some_value> placeholders, so they are not
  // JSON; timeseries.response.shape.json is the same output with nulls, parsed above.
  'broker.native.timeseries.response.template.txt': 'not JSON; see timeseries.response.shape.json',
  'broker.native.timeseries.emptyBuckets.response.template.txt': 'not JSON; see timeseries.response.shape.json',
  'broker.native.groupBy.response.template.txt': 'not JSON; groupBy rows are checked with the social_media example',
};

describe('Druid contract fixtures', () => {
  it.each(Object.entries(RESPONSES))('%s parses', (name, schema) => {
    const result = schema.safeParse(fixtureJson(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(NATIVE_REQUESTS)('native query %s parses', (name) => {
    expect(s.NativeQuerySchema.safeParse(fixtureJson(name)).success).toBe(true);
  });

  it('leaves no fixture unchecked', () => {
    const covered = new Set([...Object.keys(RESPONSES), ...NATIVE_REQUESTS, ...Object.keys(NOT_RESPONSES)]);
    expect(fixtureNames().filter((name) => !covered.has(name))).toEqual([]);
  });
});
