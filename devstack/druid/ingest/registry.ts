// The Overlord's supervisors: submit (with history), run, suspend/resume, reset, terminate.
import type { DruidStore } from '../store';
import { readSupervisorSpec, sameSpec, withSuspended, type SupervisorSpec } from './spec';
import { Supervisor } from './supervisor';
import type { IndexTask } from './tasks';

const MAX_RETIRED_TASKS = 200;

export interface HistoryEntry {
  readonly spec: unknown;
  readonly version: string;
}

export class SupervisorRegistry {
  private readonly supervisors = new Map<string, Supervisor>();
  private readonly history = new Map<string, HistoryEntry[]>();
  /** Tasks of terminated supervisors stay listed, as Druid keeps completed tasks. */
  private readonly retiredTasks: IndexTask[] = [];

  constructor(private readonly store: DruidStore) {}

  /** Restarts the supervisors whose latest spec was saved before a restart. */
  async restore(): Promise<void> {
    const latest = new Map<string, { spec: unknown; suspended: boolean; terminated: boolean }>();
    for (const entry of await this.store.specHistory()) {
      const versions = this.history.get(entry.id) ?? [];
      const terminated = (entry.spec as { type?: string }).type === 'terminated';
      if (!terminated) versions.push({ spec: entry.spec, version: entry.version });
      this.history.set(entry.id, versions);
      latest.set(entry.id, { spec: entry.spec, suspended: entry.suspended, terminated });
    }
    for (const [id, { spec, suspended, terminated }] of latest) {
      if (terminated) continue;
      const supervisor = new Supervisor(readSupervisorSpec(spec, suspended), this.store, suspended);
      this.supervisors.set(id, supervisor);
      supervisor.start();
    }
  }

  get(id: string): Supervisor | undefined {
    return this.supervisors.get(id);
  }

  list(): Supervisor[] {
    return [...this.supervisors.values()];
  }

  tasks(): IndexTask[] {
    return [...this.retiredTasks, ...this.list().flatMap((supervisor) => supervisor.allTasks())];
  }

  historyOf(id: string): readonly HistoryEntry[] | undefined {
    return this.history.get(id);
  }

  allHistory(): Record<string, readonly HistoryEntry[]> {
    return Object.fromEntries([...this.history].filter(([, entries]) => entries.length > 0).map(([id, entries]) => [id, [...entries].reverse()]));
  }

  /** Accepts a spec. An identical resubmission leaves the running supervisor alone. */
  async submit(body: unknown): Promise<SupervisorSpec> {
    const spec = readSupervisorSpec(body);
    const existing = this.supervisors.get(spec.id);
    if (existing && sameSpec(existing.spec, spec) && existing.suspended === spec.echo.suspended) return existing.spec;
    await this.record(spec);
    if (existing) {
      await existing.stop();
      this.retire(existing.allTasks());
    }
    const supervisor = new Supervisor(spec, this.store, spec.echo.suspended === true);
    this.supervisors.set(spec.id, supervisor);
    supervisor.start();
    return spec;
  }

  private async record(spec: SupervisorSpec): Promise<void> {
    const version = new Date().toISOString();
    this.history.set(spec.id, [...(this.history.get(spec.id) ?? []), { spec: spec.echo, version }]);
    await this.store.recordSpec(spec.id, version, spec.echo, spec.echo.suspended === true);
  }

  /** Suspends or resumes; Druid records the changed spec as a new version. */
  async setSuspended(id: string, suspended: boolean): Promise<SupervisorSpec> {
    const supervisor = this.supervisors.get(id)!;
    supervisor.spec = withSuspended(supervisor.spec, suspended);
    if (suspended) supervisor.suspend();
    else supervisor.resume();
    await this.record(supervisor.spec);
    return supervisor.spec;
  }

  async terminate(id: string): Promise<void> {
    const supervisor = this.supervisors.get(id);
    if (!supervisor) return;
    this.supervisors.delete(id);
    await supervisor.stop();
    this.retire(supervisor.allTasks());
    await this.store.recordSpec(id, new Date().toISOString(), { type: 'terminated', id }, false);
  }

  private retire(tasks: readonly IndexTask[]): void {
    this.retiredTasks.push(...tasks);
    if (this.retiredTasks.length > MAX_RETIRED_TASKS) this.retiredTasks.splice(0, this.retiredTasks.length - MAX_RETIRED_TASKS);
  }

  async close(): Promise<void> {
    await Promise.all(this.list().map((supervisor) => supervisor.stop()));
  }
}
