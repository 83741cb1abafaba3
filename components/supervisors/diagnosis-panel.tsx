'use client';
// The status page's answer to "why is nothing landing?": each finding in operator words with the
// evidence it rests on and a link to the action that fixes it; a quiet line when all is well.
import { queryOptions, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { fetchJson } from '@/components/ui/fetch-json';
import { DiagnosisSchema, type DiagnosisEvidenceView, type DiagnosisFinding, type DiagnosisSeverity } from '@/lib/operate/diagnosis-schema';
import { DiagnosisSpreadChart } from './diagnosis-spread-chart';
import { formatCount, formatTime } from './format';

/** Diagnosis reads task reports, logs and a sample of the topic: heavier than status, so less often. */
const DIAGNOSIS_POLL_MS = 20_000;

export const supervisorDiagnosisQuery = (id: string) =>
  queryOptions({
    queryKey: ['supervisors', id, 'diagnosis'] as const,
    queryFn: async ({ signal }) => DiagnosisSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/diagnosis`, { signal })),
    refetchInterval: DIAGNOSIS_POLL_MS,
    refetchIntervalInBackground: false,
    retry: 1,
  });

const SEVERITY_STYLE: Record<DiagnosisSeverity, { box: string; badge: string; word: string }> = {
  error: { box: 'border-rose-300 bg-rose-50', badge: 'bg-rose-600 text-white', word: 'Error' },
  warning: { box: 'border-amber-300 bg-amber-50', badge: 'bg-amber-500 text-white', word: 'Warning' },
  info: { box: 'border-sky-200 bg-sky-50', badge: 'bg-sky-600 text-white', word: 'Note' },
};

const TITLES: Record<DiagnosisFinding['kind'], string> = {
  cannot_connect: 'Druid cannot read the topic',
  offsets_out_of_range: 'Offsets deleted by retention',
  unparseable: 'Unparseable rows',
  thrown_away: 'Rows thrown away',
  task_failing: 'Tasks failing',
  task_count: 'taskCount above the partition count',
};

const CELL = 'px-2 py-1 align-top';
const FIX = 'mt-2 inline-block rounded-md border border-brand-600 bg-white px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50';

export function DiagnosisPanel({ id }: { id: string }) {
  const diagnosis = useQuery(supervisorDiagnosisQuery(id));
  if (diagnosis.isPending) return <p className="text-sm text-slate-500">Looking for reasons rows would not land…</p>;
  if (diagnosis.isError && !diagnosis.data) return <p className="text-sm text-amber-800">The diagnosis could not be made: {diagnosis.error.message}</p>;
  const { findings, problems, checkedAt } = diagnosis.data!;
  return (
    <section aria-label="Diagnosis" data-testid="diagnosis" className="space-y-2">
      {findings.length === 0 ? (
        <p className="text-sm text-slate-500">
          <span className="font-medium text-emerald-700">No problems found</span> in Druid&apos;s status, task reports and a sample of the topic (checked {formatTime(checkedAt)}).
        </p>
      ) : (
        <>
          <h2 className="text-base font-semibold text-slate-900">Diagnosis: why rows may not land</h2>
          <ul className="space-y-2">
            {findings.map((finding) => (
              <FindingCard key={finding.kind} finding={finding} />
            ))}
          </ul>
        </>
      )}
      {problems.map((problem) => (
        <p key={problem} className="text-xs text-slate-500">
          {problem}
        </p>
      ))}
    </section>
  );
}

function FindingCard({ finding }: { finding: DiagnosisFinding }) {
  const style = SEVERITY_STYLE[finding.severity];
  return (
    <li aria-label={TITLES[finding.kind]} data-kind={finding.kind} className={`rounded-lg border p-3 ${style.box}`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${style.badge}`}>{style.word}</span>
        <h3 className="text-sm font-semibold text-slate-900">{TITLES[finding.kind]}</h3>
      </div>
      <p className="mt-1 text-sm text-slate-800">{finding.message}</p>
      <Evidence evidence={finding.evidence} />
      {finding.fix &&
        (finding.fix.href.startsWith('?') ? (
          // The status page opens the dialog an ?act= link names when it loads, so this one loads the page.
          <a href={finding.fix.href} className={FIX}>
            {finding.fix.label}
          </a>
        ) : (
          <Link href={finding.fix.href} className={FIX}>
            {finding.fix.label}
          </Link>
        ))}
    </li>
  );
}

function Evidence({ evidence }: { evidence: DiagnosisEvidenceView }) {
  return (
    <div className="mt-2 space-y-2">
      {evidence.facts.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-700">
          {evidence.facts.map((fact) => (
            <li key={fact} className="break-words">
              {fact}
            </li>
          ))}
        </ul>
      )}
      {evidence.settings && evidence.settings.length > 0 && (
        <ul aria-label="Settings that would keep the rows" className="text-sm">
          {evidence.settings.map((s) => (
            <li key={s.name}>
              <code className="font-mono">
                {s.name}: {s.value}
              </code>{' '}
              would keep {s.keepsPercent}% of the sampled rows; now {s.current ?? 'unset'} keeps {s.currentKeepsPercent}%.
            </li>
          ))}
        </ul>
      )}
      {evidence.spread && <DiagnosisSpreadChart spread={evidence.spread} />}
      {evidence.examples && evidence.examples.length > 0 && (
        <div className="overflow-x-auto">
          <table aria-label="Example rows" className="w-full bg-white text-xs">
            <thead className="text-left text-slate-500">
              <tr>
                <th className={CELL}>From</th>
                <th className={CELL}>Partition</th>
                <th className={CELL}>Offset</th>
                <th className={CELL}>Value</th>
                <th className={CELL}>Why</th>
              </tr>
            </thead>
            <tbody>
              {evidence.examples.map((e, i) => (
                <tr key={`${e.source}-${e.partition}-${e.offset}-${i}`} className="border-t border-slate-100">
                  <td className={CELL}>{e.source === 'task-report' ? 'task report' : 'topic sample'}</td>
                  <td className={`${CELL} tabular-nums`}>{e.partition ?? '—'}</td>
                  <td className={`${CELL} tabular-nums`}>{e.offset === null ? '—' : formatCount(e.offset)}</td>
                  <td className={`${CELL} max-w-xs break-all font-mono`}>{e.value ?? '(no value)'}</td>
                  <td className={`${CELL} break-words`}>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evidence.partitions && evidence.partitions.length > 0 && (
        <table aria-label="Stored offsets against Kafka" className="bg-white text-xs">
          <thead className="text-left text-slate-500">
            <tr>
              <th className={CELL}>Partition</th>
              <th className={CELL}>Druid stopped at</th>
              <th className={CELL}>Kafka&apos;s earliest</th>
              <th className={CELL}>Kafka&apos;s latest</th>
              <th className={CELL}>Deleted unread</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {evidence.partitions.map((p) => (
              <tr key={p.partition} className="border-t border-slate-100">
                <td className={CELL}>{p.partition}</td>
                <td className={CELL}>{formatCount(p.stored)}</td>
                <td className={CELL}>{formatCount(p.earliest)}</td>
                <td className={CELL}>{formatCount(p.latest)}</td>
                <td className={CELL}>{formatCount(p.deleted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {evidence.tasks && evidence.tasks.length > 0 && (
        <ul aria-label="Failed tasks" className="space-y-1 text-xs">
          {evidence.tasks.map((t) => (
            <li key={t.taskId} className="rounded border border-slate-200 bg-white px-2 py-1">
              <a href={`/api/tasks/${encodeURIComponent(t.taskId)}/log`} className="font-mono text-brand-700 hover:underline">
                {t.taskId}
              </a>{' '}
              <span className="text-slate-500">{formatTime(t.createdTime)}</span>
              {t.logLine && <p className="mt-0.5 break-words font-mono text-rose-800">{t.logLine}</p>}
              {t.errorMsg && t.errorMsg !== t.logLine && <p className="mt-0.5 break-words">{t.errorMsg}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
