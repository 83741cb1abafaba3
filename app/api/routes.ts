// Every API route module with its URL path and area: what GET /api/openapi.json describes.
// app/api/routes.test.ts fails when a route.ts under app/api is missing here.
import type { ApiRouteModule } from '@/lib/http';
import * as alertRules from './alerts/rules/route';
import * as alerts from './alerts/route';
import * as audit from './audit/route';
import * as datasource from './datasources/[name]/route';
import * as health from './health/route';
import * as infer from './infer/route';
import * as topic from './kafka/topics/[topic]/route';
import * as sample from './kafka/topics/[topic]/sample/route';
import * as topics from './kafka/topics/route';
import * as loadCheck from './load/check/route';
import * as loadDefaults from './load/defaults/route';
import * as me from './me/route';
import * as openapi from './openapi.json/route';
import * as cancelNative from './query/native/[queryId]/route';
import * as native from './query/native/route';
import * as cancelSql from './query/sql/[queryId]/route';
import * as sql from './query/sql/route';
import * as session from './session/route';
import * as validateSpec from './spec/validate/route';
import * as supervisorAction from './supervisors/[id]/[action]/route';
import * as diagnosis from './supervisors/[id]/diagnosis/route';
import * as freshness from './supervisors/[id]/freshness/route';
import * as lag from './supervisors/[id]/lag/route';
import * as metrics from './supervisors/[id]/metrics/route';
import * as resetOffsetsPreview from './supervisors/[id]/reset-offsets/preview/route';
import * as resetOffsets from './supervisors/[id]/reset-offsets/route';
import * as rollback from './supervisors/[id]/rollback/route';
import * as supervisor from './supervisors/[id]/route';
import * as versions from './supervisors/[id]/versions/route';
import * as bulk from './supervisors/bulk/route';
import * as supervisors from './supervisors/route';
import * as taskLog from './tasks/[taskId]/log/route';
import * as taskReport from './tasks/[taskId]/report/route';

export const API_ROUTES: readonly ApiRouteModule[] = [
  { path: '/api/kafka/topics', area: 'Kafka', module: topics },
  { path: '/api/kafka/topics/{topic}', area: 'Kafka', module: topic },
  { path: '/api/kafka/topics/{topic}/sample', area: 'Kafka', module: sample },
  { path: '/api/infer', area: 'Load', module: infer },
  { path: '/api/spec/validate', area: 'Load', module: validateSpec },
  { path: '/api/load/defaults', area: 'Load', module: loadDefaults },
  { path: '/api/load/check', area: 'Load', module: loadCheck },
  { path: '/api/supervisors', area: 'Supervisors', module: supervisors },
  { path: '/api/supervisors/{id}', area: 'Supervisors', module: supervisor },
  { path: '/api/supervisors/{id}/{action}', area: 'Supervisors', module: supervisorAction },
  { path: '/api/supervisors/{id}/metrics', area: 'Supervisors', module: metrics },
  { path: '/api/supervisors/{id}/freshness', area: 'Supervisors', module: freshness },
  { path: '/api/supervisors/{id}/lag', area: 'Supervisors', module: lag },
  { path: '/api/supervisors/{id}/reset-offsets/preview', area: 'Supervisors', module: resetOffsetsPreview },
  { path: '/api/supervisors/{id}/reset-offsets', area: 'Supervisors', module: resetOffsets },
  { path: '/api/supervisors/bulk', area: 'Supervisors', module: bulk },
  { path: '/api/supervisors/{id}/diagnosis', area: 'Supervisors', module: diagnosis },
  { path: '/api/supervisors/{id}/versions', area: 'Supervisors', module: versions },
  { path: '/api/supervisors/{id}/rollback', area: 'Supervisors', module: rollback },
  { path: '/api/datasources/{name}', area: 'Supervisors', module: datasource },
  { path: '/api/tasks/{taskId}/report', area: 'Supervisors', module: taskReport },
  { path: '/api/tasks/{taskId}/log', area: 'Supervisors', module: taskLog },
  { path: '/api/query/sql', area: 'Query', module: sql },
  { path: '/api/query/sql/{queryId}', area: 'Query', module: cancelSql },
  { path: '/api/query/native', area: 'Query', module: native },
  { path: '/api/query/native/{queryId}', area: 'Query', module: cancelNative },
  { path: '/api/alerts', area: 'Alerts', module: alerts },
  { path: '/api/alerts/rules', area: 'Alerts', module: alertRules },
  { path: '/api/audit', area: 'Audit', module: audit },
  { path: '/api/me', area: 'Access', module: me },
  { path: '/api/session', area: 'Access', module: session },
  { path: '/api/health', area: 'Tributary', module: health },
  { path: '/api/openapi.json', area: 'Tributary', module: openapi },
];
