// What one round of the collector gathered, as the work that follows it (alerts, freshness probes)
// receives it: every supervisor's status, lag from Kafka and the sample that was stored.
import 'server-only';
import type { SupervisorSpec, SupervisorStatusPayload } from '@/lib/druid';
import type { LagReport, MetricPoint } from '@/lib/operate';

export interface CollectedSupervisor {
  readonly id: string;
  readonly datasource: string | null;
  readonly topic: string | null;
  /** The spec as Druid keeps it (from the full supervisor list); null when it could not be read. */
  readonly spec: SupervisorSpec | null;
  /** Null when Druid's status could not be read this round. */
  readonly status: SupervisorStatusPayload | null;
  readonly lag: LagReport | null;
  /** The sample stored for this round. */
  readonly point: MetricPoint;
}

export interface Collection {
  /** When the round started, in milliseconds since 1970. */
  readonly at: number;
  readonly supervisors: readonly CollectedSupervisor[];
}

/** Work run after each round on the instance that collects; a failure is logged, never stops collecting. */
export type AfterCollect = (collection: Collection) => Promise<void>;
