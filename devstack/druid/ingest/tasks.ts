// Kafka indexing tasks as the Overlord reports them: one per task group, replaced every
// taskDuration, with live row stats, parse errors and a log.
import { createHash, randomBytes } from 'node:crypto';
import { RowStats } from './row-stats';

export type TaskStatusCode = 'RUNNING' | 'SUCCESS' | 'FAILED';

const MAX_LOG_LINES = 500;
const MAX_SAVED_PARSE_ERRORS = 10;

export class IndexTask {
  readonly id: string;
  readonly groupId: string;
  readonly stats: RowStats;
  readonly log: string[] = [];
  readonly parseErrors: string[] = [];
  status: TaskStatusCode = 'RUNNING';
  endedAt: number | null = null;
  errorMsg: string | null = null;

  constructor(
    readonly dataSource: string,
    readonly taskGroup: number,
    readonly specHash: string,
    readonly createdAt: number,
    readonly startingOffsets: ReadonlyMap<number, bigint>,
    readonly durationMs: number,
  ) {
    this.groupId = `index_kafka_${dataSource}`;
    this.id = `index_kafka_${dataSource}_${specHash}_${randomLetters(8)}`;
    this.stats = new RowStats(createdAt);
    this.write(`Task ${this.id} started for task group ${taskGroup}, starting offsets ${formatOffsets(startingOffsets)}`);
  }

  write(line: string): void {
    this.log.push(`${new Date().toISOString()} INFO ${line}`);
    if (this.log.length > MAX_LOG_LINES) this.log.splice(0, this.log.length - MAX_LOG_LINES);
  }

  recordParseError(message: string): void {
    this.parseErrors.push(message);
    if (this.parseErrors.length > MAX_SAVED_PARSE_ERRORS) this.parseErrors.shift();
  }

  finish(status: TaskStatusCode, endOffsets: ReadonlyMap<number, bigint>, now: number, errorMsg: string | null = null): void {
    if (this.status !== 'RUNNING') return;
    this.status = status;
    this.endedAt = now;
    this.errorMsg = errorMsg;
    this.write(`Finished reading, end offsets ${formatOffsets(endOffsets)}. Task completed with status: ${status}`);
  }

  remainingSeconds(now: number): number {
    return Math.max(0, Math.round((this.createdAt + this.durationMs - now) / 1000));
  }

  /** A task status object as /tasks and /task/{id}/status list it. */
  statusObject(): Record<string, unknown> {
    const running = this.status === 'RUNNING';
    const created = new Date(this.createdAt).toISOString();
    return {
      id: this.id,
      groupId: this.groupId,
      type: 'index_kafka',
      createdTime: created,
      queueInsertionTime: created,
      statusCode: this.status,
      status: this.status,
      runnerStatusCode: running ? 'RUNNING' : 'NONE',
      duration: running ? -1 : (this.endedAt ?? this.createdAt) - this.createdAt,
      location: running ? { host: 'localhost', port: 8100, tlsPort: -1 } : { host: null, port: -1, tlsPort: -1 },
      dataSource: this.dataSource,
      errorMsg: this.errorMsg,
    };
  }

  /** The ingestionStatsAndErrors report, live while running. */
  report(): Record<string, unknown> {
    const running = this.status === 'RUNNING';
    const stats = this.stats.report();
    return {
      ingestionStatsAndErrors: {
        taskId: this.id,
        payload: {
          ingestionState: running ? 'BUILD_SEGMENTS' : 'COMPLETED',
          unparseableEvents: this.parseErrors.length ? { buildSegments: [...this.parseErrors] } : {},
          rowStats: running ? stats : { buildSegments: stats.totals.buildSegments },
          errorMsg: this.errorMsg,
        },
        type: 'ingestionStatsAndErrors',
      },
    };
  }
}

export function specHash(spec: unknown): string {
  return createHash('sha1').update(JSON.stringify(spec)).digest('hex').slice(0, 15);
}

function randomLetters(count: number): string {
  return [...randomBytes(count)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

export function formatOffsets(offsets: ReadonlyMap<number, bigint>): string {
  return `{${[...offsets].map(([partition, offset]) => `${partition}=${offset}`).join(', ')}}`;
}
