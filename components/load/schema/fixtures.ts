// Sampled records for the schema steps' tests, shaped like the sampler's answer.
import type { SampleRecord } from '@/lib/kafka/schemas';

export { SAMPLE_T0 as T0, sampled } from '@/lib/kafka/testing/sampled-record';
import { sampled, SAMPLE_T0 as T0 } from '@/lib/kafka/testing/sampled-record';

/** Ad clicks as the devstack produces them: epoch millis and numbers as strings. */
export function adClicks(n: number): SampleRecord[] {
  return Array.from({ length: n }, (_, i) =>
    sampled(JSON.stringify({ timestamp: String(T0 + i * 1000), city: ['Oslo', 'Lima', 'Pune'][i % 3], platform: ['ios', 'web'][i % 2], click: String(i % 2) }), i),
  );
}
