'use client';
// Rolling back to a version: the dialog shows what the rollback changes, risks first, before it is
// confirmed; the server re-reads that version from Druid's history and submits it as an update.
import { compareVersions, type SupervisorVersion } from '@/lib/operate';
import { ConfirmDialog } from './confirm-dialog';
import { formatTime } from './format';
import { useRollback } from './version-api';
import { VersionDiff } from './version-diff';

export function VersionRollbackDialog({
  id,
  target,
  current,
  terminated,
  onClose,
  onDone,
}: {
  id: string;
  target: SupervisorVersion;
  /** What runs now, or what ran last before the terminate. */
  current: SupervisorVersion;
  terminated: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const rollback = useRollback(id);
  const comparison = compareVersions(current, target);
  const when = formatTime(target.version);
  return (
    <ConfirmDialog
      title={terminated ? `Submit version ${when} of ${id} again?` : `Roll back ${id} to version ${when}?`}
      confirmLabel={terminated ? 'Submit again' : 'Roll back'}
      busy={rollback.isPending}
      onConfirm={() => rollback.mutate({ version: target.version }, { onSuccess: (result) => onDone(result.message) })}
      onCancel={onClose}
    >
      {terminated ? (
        <p>
          Supervisor {id} is terminated. Submitting this version creates it again{target.suspended ? ' suspended, as this version was' : ', and it starts reading the topic from its stored offsets'}.
          Compared with the spec it last ran:
        </p>
      ) : (
        <p>
          Druid&apos;s stored spec of this version is submitted as an update: running tasks publish what they have and new ones continue from the stored offsets. The supervisor stays{' '}
          {current.suspended ? 'suspended' : 'running'}. What changes:
        </p>
      )}
      <div className="max-h-72 overflow-y-auto" data-testid="rollback-diff">
        {comparison.diff ? <VersionDiff diff={comparison.diff} label="Changes of the rollback" /> : <p className="text-amber-800">{comparison.problem}</p>}
      </div>
      {rollback.isError && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-rose-900">
          {rollback.error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
