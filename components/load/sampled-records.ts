'use client';
// The records the wizard continues with, whichever way they came (a Kafka sample or pasted lines).
// Steps after "See its messages" read them here; the step that produced them writes them.
import { useSyncExternalStore } from 'react';
import type { SampleRecord } from '@/lib/kafka/schemas';

export interface SampledRecords {
  readonly source: { readonly kind: 'kafka'; readonly topic: string } | { readonly kind: 'paste' };
  readonly records: readonly SampleRecord[];
}

let current: SampledRecords | undefined;
const listeners = new Set<() => void>();

export function publishSampledRecords(next: SampledRecords | undefined): void {
  current = next;
  for (const listener of listeners) listener();
}

export function getSampledRecords(): SampledRecords | undefined {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSampledRecords(): SampledRecords | undefined {
  return useSyncExternalStore(subscribe, getSampledRecords, () => undefined);
}
