// Druid's message rejection settings turned into event-time bounds for one task:
// lateMessageRejectionPeriod counts back from the task's start, lateMessageRejectionStartDateTime
// is absolute, and earlyMessageRejectionPeriod counts forward from the task's end.
// https://druid.apache.org/docs/latest/ingestion/supervisor#io-configuration
import { periodToMs } from '@/lib/ingest';

export function messageTimeBounds(ioConfig: Readonly<Record<string, unknown>>, taskStart: number, taskDurationMs: number): { minimum?: number; maximum?: number } {
  const bounds: { minimum?: number; maximum?: number } = {};
  if (typeof ioConfig.lateMessageRejectionPeriod === 'string') bounds.minimum = taskStart - periodToMs(ioConfig.lateMessageRejectionPeriod);
  if (typeof ioConfig.lateMessageRejectionStartDateTime === 'string') {
    const start = Date.parse(ioConfig.lateMessageRejectionStartDateTime);
    bounds.minimum = bounds.minimum === undefined ? start : Math.max(bounds.minimum, start);
  }
  if (typeof ioConfig.earlyMessageRejectionPeriod === 'string') bounds.maximum = taskStart + taskDurationMs + periodToMs(ioConfig.earlyMessageRejectionPeriod);
  return bounds;
}
