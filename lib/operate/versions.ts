// Change management over Druid's spec history: which versions changed the spec and which only
// suspended or resumed it, the diff between any two versions with its risks, and each version as
// a file to download. Pure; the specs come in with their secrets already hidden.
import { z } from 'zod';
import type { SupervisorHistoryEntry } from '../druid/schemas/supervisor';
import { diffSpecs, type SpecDiff, type SpecDiffChange } from '../spec/diff-spec';
import { importStoredSpec } from '../spec/stored-spec';
import { historyWithDiffs } from './supervisor-detail';

/**
 * What a version did to the one before it: the first one, a spec change, only a suspend or
 * resume, a resubmit of the same spec, a terminate (Druid's tombstone), or a spec this app cannot read.
 */
export const VERSION_CHANGES = ['first', 'spec', 'toggle', 'unchanged', 'terminated', 'unreadable'] as const;
export type VersionChange = (typeof VERSION_CHANGES)[number];

export const SupervisorVersionSchema = z.object({
  /** The time Druid stored it at, which is also how it is named. */
  version: z.string(),
  /** As Druid stored it, with secrets hidden. */
  spec: z.record(z.string(), z.unknown()),
  change: z.enum(VERSION_CHANGES),
  /** Fields it changed from the version before, besides suspended. */
  changeCount: z.number().int(),
  /** Null for a terminate. */
  suspended: z.boolean().nullable(),
  /** The spec Druid runs now: the newest version, unless the supervisor is terminated. */
  current: z.boolean(),
});
export type SupervisorVersion = z.infer<typeof SupervisorVersionSchema>;

/** GET /api/supervisors/{id}/versions */
export const SupervisorVersionsSchema = z.object({
  id: z.string(),
  /** The newest version is a terminate: Druid runs no spec for this id. */
  terminated: z.boolean(),
  /** Newest first. */
  versions: z.array(SupervisorVersionSchema),
});
export type SupervisorVersions = z.infer<typeof SupervisorVersionsSchema>;

/** POST /api/supervisors/{id}/rollback */
export const RollbackBodySchema = z.object({
  version: z.string({ message: 'name the version to roll back to (its time, as GET /api/supervisors/{id}/versions lists it)' }).min(1, 'name the version to roll back to'),
  /** Left out: the supervisor stays suspended or running as it is now. */
  suspended: z.boolean({ message: 'must be true or false' }).optional(),
});
export type RollbackBody = z.infer<typeof RollbackBodySchema>;

const isSuspendedChange = (change: SpecDiffChange) => change.pathText === 'suspended';

function changeOf(entry: { terminated: boolean; diff: SpecDiff | null; diffProblem: string | null }): { change: VersionChange; changeCount: number } {
  if (entry.terminated) return { change: 'terminated', changeCount: 0 };
  if (entry.diffProblem) return { change: 'unreadable', changeCount: 0 };
  if (!entry.diff) return { change: 'first', changeCount: 0 };
  const changes = Object.values(entry.diff.groups).flat();
  const specChanges = changes.filter((change) => !isSuspendedChange(change)).length;
  if (specChanges > 0) return { change: 'spec', changeCount: specChanges };
  return { change: changes.length > 0 ? 'toggle' : 'unchanged', changeCount: 0 };
}

/** Every version of a supervisor, newest first, each saying what it changed. */
export function supervisorVersions(id: string, history: readonly SupervisorHistoryEntry[]): SupervisorVersions {
  const stored = new Map(history.map((entry) => [entry.version, entry.spec as Record<string, unknown>]));
  const compared = historyWithDiffs(history);
  const terminated = compared[0]?.terminated === true;
  const versions = compared.map((entry, i): SupervisorVersion => ({
    version: entry.version,
    spec: stored.get(entry.version) ?? entry.spec,
    ...changeOf(entry),
    suspended: entry.terminated ? null : stored.get(entry.version)?.suspended === true,
    current: i === 0 && !terminated,
  }));
  return { id, terminated, versions };
}

/** The versions to list: suspend/resume toggles are folded away unless asked for; the current one always shows. */
export function foldToggles(versions: readonly SupervisorVersion[], showToggles: boolean): { shown: SupervisorVersion[]; hiddenToggles: number } {
  if (showToggles) return { shown: [...versions], hiddenToggles: 0 };
  const shown = versions.filter((version) => version.change !== 'toggle' || version.current);
  return { shown, hiddenToggles: versions.length - shown.length };
}

/** The version a comparison or a rollback is measured against: the current spec, or the last one run before a terminate. */
export function baselineVersion(versions: readonly SupervisorVersion[]): SupervisorVersion | undefined {
  return versions.find((version) => version.change !== 'terminated');
}

export type VersionComparison = { readonly diff: SpecDiff; readonly problem?: undefined } | { readonly diff?: undefined; readonly problem: string };

/** What changes when the spec of "to" replaces the spec of "from", with the risks of that change. */
export function compareVersions(from: SupervisorVersion, to: SupervisorVersion): VersionComparison {
  const terminate = [from, to].find((version) => version.change === 'terminated');
  if (terminate) return { problem: `Version ${terminate.version} is a terminate, not a spec: pick a spec version to compare.` };
  const before = importStoredSpec(from.spec).spec;
  const after = importStoredSpec(to.spec).spec;
  const unreadable = !before ? from : !after ? to : undefined;
  if (!before || !after) return { problem: `Version ${unreadable!.version} is not a Kafka supervisor spec this app can read, so it cannot be compared.` };
  return { diff: diffSpecs(before, after) };
}

/** `<id>-<version time>.json`, with the time's colons, which some file systems refuse, as dashes. */
export function versionFileName(id: string, version: string): string {
  return `${id}-${version.replaceAll(':', '-')}.json`.replace(/[/\\]/g, '_');
}

/** The version as its file holds it: the spec as Druid stored it, secrets hidden, pretty-printed. */
export function versionFileText(version: SupervisorVersion): string {
  return `${JSON.stringify(version.spec, null, 2)}\n`;
}
