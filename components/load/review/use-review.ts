'use client';
// The review step's state: the draft, the spec text (hand edits win over the generated spec),
// its live check, the form values read back from it, and the running supervisor it would replace.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { supervisorQuery } from '@/components/supervisors/api';
import { hasRedactions, REDACTED } from '@/lib/operate';
import { importSpecValue, planFromSpec, type OwnClusters, type SupervisorSpec } from '@/lib/spec';
import { topicQuery } from '../api';
import type { DraftIoSettings, DraftSource } from '../draft/draft';
import { useDraft, useDraftStatus } from '../draft/draft-store';
import { loadDefaultsQuery } from './api';
import { applyIoToText, baseSpecOf, checkSpecText, generateSpec, ioFromSpec, topicOf, type TextCheck } from './review-model';
import { carrySchemaChanges, schemaFromSpec, schemaPiecesOf } from './schema-sync';
import { reviewSchemaOf } from './use-review-schema';

/** Asking Druid for the supervisor of a datasource name being typed waits for a pause. */
const SUPERVISOR_LOOKUP_DELAY_MS = 400;

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function supervisorIdOf(spec: SupervisorSpec): string {
  const id = (spec as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : spec.spec.dataSchema.dataSource;
}

/** One validation per text, shared by the editor's markers and the page. */
function checker(partitionCount: number | undefined, ownClusters: OwnClusters | undefined): (text: string) => TextCheck {
  let last: { text: string; check: TextCheck } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, check: checkSpecText(text, partitionCount, ownClusters) };
    return last.check;
  };
}

export function useReview(id: string, init: { name: string; source: DraftSource }) {
  const [draft, update] = useDraft(id, init);
  const status = useDraftStatus(id);
  const defaults = useQuery(loadDefaultsQuery());
  const schema = reviewSchemaOf(draft);
  const topic = draft ? topicOf(draft) : undefined;
  const topicDetail = useQuery({ ...topicQuery(topic ?? ''), enabled: topic !== undefined, refetchInterval: false });
  const partitionCount = topicDetail.data?.partitionCount;

  const schemaPlan = schema.status === 'confirmed' ? schema.plan : undefined;
  const generated = useMemo(() => (draft && defaults.data ? generateSpec(draft, schemaPlan, defaults.data) : undefined), [draft, defaults.data, schemaPlan]);
  const text = draft?.specText ?? generated?.text;
  const ownClusters = defaults.data?.ownClusters;
  const check = useMemo(() => checker(partitionCount, ownClusters), [partitionCount, ownClusters]);
  const result = useMemo(() => (text === undefined ? undefined : check(text)), [check, text]);
  const values: DraftIoSettings = result?.spec ? ioFromSpec(result.spec) : (draft?.io ?? {});

  const supervisorId = useSettled(result?.spec ? supervisorIdOf(result.spec) : undefined, SUPERVISOR_LOOKUP_DELAY_MS);
  const running = useQuery({ ...supervisorQuery(supervisorId ?? ''), enabled: Boolean(supervisorId), refetchInterval: false, retry: false });
  const runningSpec = useMemo(() => {
    if (running.data?.spec) return importSpecValue(running.data.spec).spec;
    // Druid could not be asked: an edit still compares with the spec it started from.
    return draft?.source.kind === 'edit' && supervisorId === draft.source.supervisorId ? baseSpecOf(draft) : undefined;
  }, [running.data, draft, supervisorId]);

  const changeIo = useCallback(
    (changes: Partial<DraftIoSettings>) =>
      update((d) => ({ io: { ...d.io, ...changes }, ...(d.specText !== undefined ? { specText: applyIoToText(d.specText, changes) } : {}) })),
    [update],
  );
  const changeText = useCallback(
    (next: string) =>
      update((d) => {
        const spec = check(next).spec;
        const mapped = spec && d.schema && defaults.data ? schemaFromSpec(d.schema, spec) : undefined;
        const basisFor = (schemaPlan: typeof d.schema) => {
          const built = defaults.data ? generateSpec({ ...d, specText: undefined }, schemaPlan, defaults.data).spec : undefined;
          return built ? schemaPiecesOf(built) : d.specBasis;
        };
        // The JSON is in step with the schema as it is now, or as the JSON's own edits made it.
        const specBasis = mapped ? basisFor(mapped) : (d.specBasis ?? basisFor(d.schema));
        return { specText: next, specBasis, ...(mapped ? { schema: mapped } : {}), ...(spec ? { io: { ...d.io, ...ioFromSpec(spec) } } : {}) };
      }),
    [update, check, defaults.data],
  );

  // Schema changes made in the earlier steps since the JSON was edited reach it piece by piece.
  const generatedSpec = generated?.spec;
  useEffect(() => {
    if (draft?.specText === undefined || !generatedSpec) return;
    const now = schemaPiecesOf(generatedSpec);
    if (draft.specBasis && JSON.stringify(draft.specBasis) === JSON.stringify(now)) return;
    const carried = draft.specBasis ? carrySchemaChanges(draft.specText, draft.specBasis, now) : undefined;
    update({ specBasis: now, ...(carried !== undefined ? { specText: carried } : {}) });
  }, [draft?.specText, draft?.specBasis, generatedSpec, update]);

  let blocked: string | undefined;
  if (!defaults.data) blocked = defaults.isError ? `The server's Kafka settings could not be read: ${defaults.error.message}` : 'Reading the server’s Kafka settings…';
  else if (text === undefined) blocked = generated?.issues[0]?.message ?? 'There is no spec yet.';
  else if (result?.parseError) blocked = `The JSON cannot be read: ${result.parseError.message}. Fix it to submit.`;
  else if (result && result.errors.length > 0) {
    const first = result.errors[0];
    blocked = `Fix ${result.errors.length === 1 ? 'this problem' : `these ${result.errors.length} problems`} to submit; first at ${first.pathText}: ${first.message}`;
  } else if (hasRedactions(text)) blocked = `Replace the values shown as “${REDACTED}” with the real ones to submit: Tributary does not send secrets to the browser.`;

  const unmapped = useMemo(() => {
    const base = draft ? baseSpecOf(draft) : undefined;
    return base ? planFromSpec(base).unmapped : [];
  }, [draft]);

  return { unmapped, draft, update, status, defaults: defaults.data, schema, text, check, result, values, changeIo, changeText, blocked, supervisorId, runningSpec, partitionCount, topicDetail: topicDetail.data, generated };
}
