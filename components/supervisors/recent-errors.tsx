// The errors Druid keeps for a supervisor, newest first, with their exception class.
import type { SupervisorRecentError } from '@/lib/druid/schemas/supervisor';
import { formatTime, shortClassName } from './format';

export function RecentErrors({ errors }: { errors: readonly SupervisorRecentError[] }) {
  if (errors.length === 0) return <p className="text-sm text-slate-500">No recent errors.</p>;
  const newestFirst = [...errors].sort((a, b) => (b.timestamp ?? '').localeCompare(a.timestamp ?? ''));
  return (
    <ol aria-label="Recent errors" className="space-y-2">
      {newestFirst.map((error, i) => (
        <li key={`${error.timestamp}-${i}`} className="rounded border border-rose-200 bg-rose-50/50 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-baseline gap-x-3 text-xs text-slate-600">
            <time dateTime={error.timestamp ?? undefined}>{formatTime(error.timestamp)}</time>
            <span className="font-mono font-medium text-rose-800" title={error.exceptionClass ?? undefined}>
              {shortClassName(error.exceptionClass)}
            </span>
            {error.streamException && <span className="rounded bg-amber-100 px-1 text-amber-800">Kafka</span>}
          </div>
          <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{error.message ?? 'No message'}</p>
        </li>
      ))}
    </ol>
  );
}
