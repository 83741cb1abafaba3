// One Kafka supervisor: reads its topic partition by partition (no consumer group), runs the
// row pipeline, rolls up and appends to DuckDB at least every FLUSH_INTERVAL_MS, and reports
// state, offsets, lag, tasks and row stats the way Druid's Overlord does.
import { createRowParser, granularityName, type RowParser } from '@/lib/ingest';
import type { DruidStore } from '../store';
import { TopicReader, type FetchedMessage } from '../kafka/topic-reader';
import { PersistBuffer } from './persist-buffer';
import { RecentErrors, type RecentError } from './recent-errors';
import { messageTimeBounds } from './rejection';
import type { SupervisorSpec } from './spec';
import { IndexTask, formatOffsets, specHash } from './tasks';

export const FLUSH_INTERVAL_MS = 300;
const MAX_BUFFERED_ROWS = 50_000;
const RETRY_MS = 300;
const KAFKA_REQUEST_TIMEOUT_MS = 2000;
const METADATA_REFRESH_MS = 5000;
/** Consecutive failed iterations before the supervisor reports itself unhealthy (Druid: 3). */
const UNHEALTHINESS_THRESHOLD = 3;
/** Kafka's OFFSET_OUT_OF_RANGE: the position was deleted by retention or never existed. */
const OFFSET_OUT_OF_RANGE = 1;

export type SupervisorState = 'PENDING' | 'RUNNING' | 'SUSPENDED' | 'STOPPING' | 'UNHEALTHY_SUPERVISOR';

class StoreError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Supervisor {
  state: SupervisorState = 'PENDING';
  detailedState = 'PENDING';
  private everConnected = false;
  private failures = 0;
  private reader: TopicReader | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private readonly positions = new Map<number, bigint>();
  readonly latestOffsets = new Map<number, bigint>();
  offsetsLastUpdated: number | null = null;
  private lastMetadataRefresh = 0;
  private readonly tasks = new Map<number, IndexTask>();
  readonly completedTasks: IndexTask[] = [];
  private readonly errors = new RecentErrors();
  private readonly buffer: PersistBuffer;
  private lastFlush = Date.now();
  /** The offsets last written to the store, so an idle supervisor does not rewrite them. */
  private savedOffsets = '';
  private parsers = new Map<number, RowParser>();
  private pendingActions: ((reader: TopicReader) => Promise<void>)[] = [];

  constructor(
    public spec: SupervisorSpec,
    private readonly store: DruidStore,
    public suspended: boolean,
  ) {
    this.buffer = new PersistBuffer(store, spec.dataSource, spec.ingest, spec.rollup);
  }

  get healthy(): boolean {
    return this.state !== 'UNHEALTHY_SUPERVISOR';
  }

  start(): void {
    this.loop = this.run();
  }

  /** Stops reading and publishes what was read (terminate, or engine shutdown). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.state = 'STOPPING';
    this.detailedState = 'STOPPING';
    await this.loop;
  }

  suspend(): void {
    this.suspended = true;
  }

  resume(): void {
    this.suspended = false;
  }

  /** Hard reset: forget stored offsets; reading restarts per useEarliestOffset. */
  reset(): void {
    this.pendingActions.push(async (reader) => {
      await this.rollTasks('reset');
      this.positions.clear();
      this.savedOffsets = '';
      await this.store.clearOffsets(this.spec.id);
      await this.assignPositions(reader);
    });
  }

  /** Moves the given partitions to new offsets (resetOffsets). */
  resetOffsets(offsets: ReadonlyMap<number, bigint>): void {
    this.pendingActions.push(async () => {
      await this.rollTasks('offsets reset');
      for (const [partition, offset] of offsets) this.positions.set(partition, offset);
      await this.store.saveOffsets(this.spec.id, this.spec.topic, this.positions);
    });
  }

  /** Ends the given task groups' tasks now; new tasks take over (taskGroups/handoff). */
  handoff(taskGroups: readonly number[]): void {
    this.pendingActions.push(async () => {
      await this.flush();
      for (const group of taskGroups) this.finishTask(group, 'handoff requested');
    });
  }

  activeTasks(): IndexTask[] {
    return [...this.tasks.values()];
  }

  allTasks(): IndexTask[] {
    return [...this.completedTasks, ...this.tasks.values()];
  }

  recentErrors(): RecentError[] {
    return this.errors.list();
  }

  currentOffsets(): ReadonlyMap<number, bigint> {
    return this.positions;
  }

  taskGroupOf(partition: number): number {
    const groups = Math.max(1, Math.min(this.spec.taskCount, this.latestOffsets.size || 1));
    return partition % groups;
  }

  private setDetailed(detailed: string): void {
    this.detailedState = detailed;
    this.state = detailed === 'PENDING' ? 'PENDING' : 'RUNNING';
  }

  private async run(): Promise<void> {
    const info = this.spec.ingest.granularitySpec;
    await this.store.ensureDatasource(this.spec.dataSource, {
      rollup: this.spec.rollup,
      queryGranularity: granularityName(info?.queryGranularity),
      segmentGranularity: granularityName(info?.segmentGranularity),
    });
    for (const [partition, offset] of await this.store.loadOffsets(this.spec.id, this.spec.topic)) this.positions.set(partition, offset);
    while (!this.stopping) {
      try {
        if (this.suspended) {
          await this.flush();
          for (const group of [...this.tasks.keys()]) this.finishTask(group, 'supervisor suspended');
          this.state = 'SUSPENDED';
          this.detailedState = 'SUSPENDED';
          await sleep(100);
          continue;
        }
        await this.iterate();
        this.failures = 0;
      } catch (error) {
        if (error instanceof StoreError) this.onStoreError(error);
        else await this.onStreamError(error as Error);
        await sleep(RETRY_MS);
      }
    }
    await this.flush().catch(() => undefined);
    for (const group of [...this.tasks.keys()]) this.finishTask(group, 'supervisor stopped');
    await this.reader?.close();
  }

  private async connect(): Promise<TopicReader> {
    if (this.reader) return this.reader;
    if (!this.everConnected) this.setDetailed('CONNECTING_TO_STREAM');
    const reader = new TopicReader(this.spec.bootstrapServers, this.spec.topic, KAFKA_REQUEST_TIMEOUT_MS);
    this.reader = reader;
    await reader.connect();
    await this.refreshLatestOffsets(reader);
    if (!this.everConnected) this.setDetailed('DISCOVERING_INITIAL_TASKS');
    await this.assignPositions(reader);
    if (!this.everConnected) this.setDetailed('CREATING_TASKS');
    this.everConnected = true;
    this.lastMetadataRefresh = Date.now();
    return reader;
  }

  private async refreshLatestOffsets(reader: TopicReader): Promise<{ partition: number; earliest: bigint; latest: bigint }[]> {
    const offsets = await reader.offsets();
    for (const { partition, latest } of offsets) this.latestOffsets.set(partition, latest);
    this.offsetsLastUpdated = Date.now();
    return offsets;
  }

  /** Partitions without a position start at the earliest or latest offset (useEarliestOffset). */
  private async assignPositions(reader: TopicReader): Promise<void> {
    const offsets = await this.refreshLatestOffsets(reader);
    for (const { partition, earliest, latest } of offsets) {
      if (!this.positions.has(partition)) this.positions.set(partition, this.spec.useEarliestOffset ? earliest : latest);
    }
  }

  private async iterate(): Promise<void> {
    const reader = await this.connect();
    while (this.pendingActions.length) await this.pendingActions.shift()!(reader);
    if (Date.now() - this.lastMetadataRefresh > METADATA_REFRESH_MS) {
      await reader.refreshMetadata();
      await this.assignPositions(reader);
      this.lastMetadataRefresh = Date.now();
    }
    this.ensureTasks();

    const fetched = await reader.fetch(this.positions);
    let needsMetadata = false;
    for (const { partition, errorCode, highWatermark, messages } of fetched) {
      if (errorCode === OFFSET_OUT_OF_RANGE) {
        this.recordStreamError('OffsetOutOfRangeException', `Offset ${this.positions.get(partition)} of partition ${partition} is out of range`);
        this.positions.delete(partition);
        needsMetadata = true;
        continue;
      }
      if (errorCode !== 0) {
        needsMetadata = true;
        continue;
      }
      this.latestOffsets.set(partition, highWatermark);
      for (const message of messages) this.ingest(partition, message);
    }
    this.offsetsLastUpdated = Date.now();
    if (needsMetadata) {
      await reader.refreshMetadata();
      await this.assignPositions(reader);
    }
    if (Date.now() - this.lastFlush >= FLUSH_INTERVAL_MS || this.buffer.size >= MAX_BUFFERED_ROWS) await this.flush();
    const expired = [...this.tasks].filter(([, task]) => Date.now() >= task.createdAt + task.durationMs);
    if (expired.length > 0) {
      await this.flush();
      for (const [group] of expired) this.finishTask(group, 'taskDuration elapsed');
    }
    if (this.detailedState !== 'RUNNING') this.setDetailed('RUNNING');
  }

  private ensureTasks(): void {
    const groups = new Set([...this.latestOffsets.keys()].map((partition) => this.taskGroupOf(partition)));
    for (const group of groups) {
      if (this.tasks.has(group)) continue;
      const starting = new Map([...this.positions].filter(([partition]) => this.taskGroupOf(partition) === group));
      const task = new IndexTask(this.spec.dataSource, group, specHash(this.spec.echo), Date.now(), starting, this.spec.taskDurationMs);
      this.tasks.set(group, task);
      this.parsers.set(group, createRowParser({ ...this.spec.ingest, messageTimeBounds: messageTimeBounds(this.spec.ioConfig, task.createdAt, this.spec.taskDurationMs) }));
    }
  }

  private finishTask(group: number, why: string): void {
    const task = this.tasks.get(group);
    if (!task) return;
    const ends = new Map([...this.positions].filter(([partition]) => this.taskGroupOf(partition) === group));
    task.write(`Publishing segments: ${why}`);
    task.finish('SUCCESS', ends, Date.now());
    this.tasks.delete(group);
    this.parsers.delete(group);
    this.completedTasks.push(task);
    if (this.completedTasks.length > 50) this.completedTasks.shift();
  }

  private async rollTasks(why: string): Promise<void> {
    await this.flush();
    for (const group of [...this.tasks.keys()]) this.finishTask(group, why);
  }

  private ingest(partition: number, message: FetchedMessage): void {
    const group = this.taskGroupOf(partition);
    const task = this.tasks.get(group);
    const parse = this.parsers.get(group);
    this.positions.set(partition, BigInt(message.offset) + 1n);
    if (!task || !parse) return;
    const result = parse({ value: message.value, key: message.key, timestamp: Number(message.timestamp), headers: message.headers, topic: this.spec.topic, partition, offset: message.offset });
    task.stats.add('processedBytes', message.value?.length ?? 0);
    if (result.kind === 'row') {
      task.stats.add(result.columnErrors ? 'processedWithError' : 'processed');
      if (result.columnErrors) task.recordParseError(`partition ${partition} offset ${message.offset}: ${result.columnErrors.join('; ')}`);
      this.buffer.add(result.row);
    } else if (result.kind === 'thrownAway') {
      task.stats.add('thrownAway');
    } else {
      task.stats.add('unparseable');
      const text = `Unable to parse row at partition ${partition} offset ${message.offset}: ${result.reason}`;
      task.recordParseError(text);
      task.write(`Encountered parse exception: ${text}`);
      this.errors.unparseable(text);
    }
  }

  /** Stores the buffered rows, then records the offsets they came from. */
  private async flush(): Promise<void> {
    this.lastFlush = Date.now();
    try {
      await this.buffer.flush();
    } catch (error) {
      throw new StoreError((error as Error).message);
    }
    const offsets = formatOffsets(this.positions);
    if (offsets === this.savedOffsets) return;
    await this.store.saveOffsets(this.spec.id, this.spec.topic, this.positions);
    this.savedOffsets = offsets;
  }

  private async onStreamError(error: Error): Promise<void> {
    this.failures += 1;
    this.recordStreamError(error.name && error.name !== 'Error' ? error.name : 'org.apache.kafka.common.KafkaException', error.message);
    const reader = this.reader;
    this.reader = null;
    await reader?.close();
    if (this.failures >= UNHEALTHINESS_THRESHOLD || !this.everConnected) {
      this.state = 'UNHEALTHY_SUPERVISOR';
      this.detailedState = this.everConnected ? 'LOST_CONTACT_WITH_STREAM' : 'UNABLE_TO_CONNECT_TO_STREAM';
    }
    for (const task of this.tasks.values()) task.write(`Kafka error: ${error.message}`);
  }

  /** Storage failures are not Kafka's fault: the supervisor is unhealthy but keeps its connection. */
  private onStoreError(error: StoreError): void {
    this.failures += 1;
    this.errors.storage(`Could not store rows: ${error.message}`);
    if (this.failures >= UNHEALTHINESS_THRESHOLD) {
      this.state = 'UNHEALTHY_SUPERVISOR';
      this.detailedState = 'UNHEALTHY_SUPERVISOR';
    }
  }

  private recordStreamError(exceptionClass: string, message: string): void {
    this.errors.stream(exceptionClass, message);
  }
}
