// The Overlord's task API (docs/api-reference/tasks-api.md).
import {
  TaskListSchema,
  TaskReportsSchema,
  TaskStatusResponseSchema,
  type TaskListState,
  type TaskReports,
  type TaskStatusPlus,
  type TaskStatusResponse,
} from '../schemas/task';
import { withQuery, type CallOptions, type DruidTransport } from '../transport';

export interface TaskListFilter {
  readonly datasource?: string;
  readonly state?: TaskListState;
  /** Task type, e.g. index_kafka. */
  readonly type?: string;
  readonly max?: number;
  /** ISO interval of creation time, for complete tasks, e.g. 2024-01-01/2024-01-02. */
  readonly createdTimeInterval?: string;
}

export interface TaskLogOptions extends CallOptions {
  /** Byte offset to start from; negative counts from the end (the last N bytes). */
  readonly offset?: number;
}

export interface TasksApi {
  list(filter?: TaskListFilter, options?: CallOptions): Promise<TaskStatusPlus[]>;
  status(taskId: string, options?: CallOptions): Promise<TaskStatusResponse>;
  reports(taskId: string, options?: CallOptions): Promise<TaskReports>;
  /** The task's log as plain text. */
  log(taskId: string, options?: TaskLogOptions): Promise<string>;
}

export function tasksApi(http: DruidTransport): TasksApi {
  const path = (taskId: string, what: string) => `/druid/indexer/v1/task/${encodeURIComponent(taskId)}/${what}`;
  const notFoundMessage = (taskId: string) => `Druid has no task "${taskId}"`;
  return {
    list: async (filter = {}, options) =>
      (
        await http.json(
          {
            ...options,
            target: 'overlord',
            method: 'GET',
            path: withQuery('/druid/indexer/v1/tasks', {
              datasource: filter.datasource,
              state: filter.state,
              type: filter.type,
              max: filter.max,
              createdTimeInterval: filter.createdTimeInterval,
            }),
          },
          TaskListSchema,
        )
      ).value,
    status: async (taskId, options) =>
      (await http.json({ ...options, target: 'overlord', method: 'GET', path: path(taskId, 'status'), notFoundMessage: notFoundMessage(taskId) }, TaskStatusResponseSchema))
        .value,
    reports: async (taskId, options) =>
      (await http.json({ ...options, target: 'overlord', method: 'GET', path: path(taskId, 'reports'), notFoundMessage: notFoundMessage(taskId) }, TaskReportsSchema))
        .value,
    log: async (taskId, options = {}) => {
      const { offset, ...callOptions } = options;
      const answer = await http.send({
        ...callOptions,
        target: 'overlord',
        method: 'GET',
        path: withQuery(path(taskId, 'log'), { offset }),
        notFoundMessage: `Druid has no log for task "${taskId}"`,
      });
      return answer.text;
    },
  };
}
