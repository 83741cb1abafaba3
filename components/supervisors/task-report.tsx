'use client';
// A task's report: where it stands, its row counts per phase and the parse exceptions Druid saved.
import { useQuery } from '@tanstack/react-query';
import type { TaskReport } from '@/lib/operate';
import { formatCount, formatTime } from './format';
import { taskReportQuery } from './task-api';

const COUNTS = [
  ['processed', 'Processed'],
  ['processedBytes', 'Bytes'],
  ['unparseable', 'Unparseable'],
  ['thrownAway', 'Thrown away'],
  ['processedWithError', 'With errors'],
] as const;

export function TaskReportView({ taskId }: { taskId: string }) {
  const report = useQuery(taskReportQuery(taskId));
  if (report.error) return <p role="alert" className="text-sm text-rose-700">{report.error.message}</p>;
  if (!report.data) return <p className="text-sm text-slate-500">Reading the report…</p>;
  return <ReportBody report={report.data} />;
}

function ReportBody({ report }: { report: TaskReport }) {
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600">
        <span className={report.status === 'FAILED' ? 'font-medium text-rose-700' : 'font-medium'}>{report.status ?? 'status unknown'}</span>
        {report.ingestionState && <> · {report.ingestionState}</>}
        {report.location && <> · on {report.location}</>}
        {report.running && <> · counts so far, refreshed every 5 s</>}
      </p>
      {report.errorMsg && <p className="break-words text-rose-700">{report.errorMsg}</p>}
      {report.reportMissing ? (
        <p className="text-slate-500">{report.reportMissing}</p>
      ) : (
        <>
          <table aria-label="Row counts" className="min-w-full">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">Phase</th>
                {COUNTS.map(([key, label]) => (
                  <th key={key} scope="col" className="py-1 pr-3 text-right">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rowStats.map((row) => (
                <tr key={row.phase}>
                  <td className="py-1 pr-3">{row.phase}</td>
                  {COUNTS.map(([key]) => (
                    <td key={key} className="py-1 pr-3 text-right tabular-nums">{row[key] === null ? '—' : formatCount(row[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <ParseExceptions report={report} />
        </>
      )}
    </div>
  );
}

function ParseExceptions({ report }: { report: TaskReport }) {
  if (report.parseExceptions.length === 0) {
    const unparseable = report.rowStats.some((row) => row.unparseable > 0 || row.processedWithError > 0);
    return <p className="text-slate-500">{unparseable ? 'Druid saved no parse exceptions: set tuningConfig.maxSavedParseExceptions to keep some.' : 'No parse exceptions.'}</p>;
  }
  return (
    <table aria-label="Parse exceptions" className="min-w-full">
      <caption className="py-1 text-left text-xs uppercase tracking-wide text-slate-500">Parse exceptions, newest first</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3">When</th>
          <th scope="col" className="py-1 pr-3">Message</th>
          <th scope="col" className="py-1 pr-3">Input</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {report.parseExceptions.map((event, index) => (
          <tr key={index}>
            <td className="whitespace-nowrap py-1 pr-3">{formatTime(event.time)}</td>
            <td className="break-words py-1 pr-3">{event.message}</td>
            <td className="break-all py-1 pr-3 font-mono text-xs">{event.input ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
