'use client';
// The one call the sample and paste steps make: the records they produced become the draft's.
import { useEffect } from 'react';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { defaultDraftName, draftIdFor, type DraftSource } from './draft';
import { readDraft, updateDraft } from './draft-store';

/**
 * Keeps `records` in the draft of `source` whenever they change. Pass no source while the
 * records are not final (a sample still running). Clearing pasted text clears the draft's records;
 * an empty Kafka sample leaves the earlier one in place.
 */
export function useKeepRecordsInDraft(source: DraftSource | undefined, records: readonly SampleRecord[]): void {
  const id = source ? draftIdFor(source) : undefined;
  useEffect(() => {
    if (!source || !id) return;
    const current = readDraft(id);
    if (records.length === 0) {
      if (source.kind === 'paste' && current?.recordCount) updateDraft(id, { name: defaultDraftName(source), source }, { records: undefined, recordCount: undefined });
      return;
    }
    if (current?.records === records) return;
    updateDraft(id, { name: defaultDraftName(source), source }, { records, recordCount: records.length });
    // The source is a value object; the id says all that matters about it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, records]);
}

/** Remembers the step a draft was last on, so the drafts list can resume there. */
export function useRememberStep(id: string | undefined, step: string): void {
  useEffect(() => {
    if (!id) return;
    const current = readDraft(id);
    if (current && current.step !== step) updateDraft(id, { name: current.name, source: current.source }, { step });
  }, [id, step]);
}
