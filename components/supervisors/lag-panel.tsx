// Lag as Kafka sees it, at the top of the status page: messages behind, the age of the oldest
// unread message, and whether it drains (with an estimate) or grows.
import type { LagReport } from '@/lib/operate';
import { formatCount, formatDuration, formatTime } from './format';
import { lagHeadline, type LagTone } from './lag-words';

const TONE: Record<LagTone, string> = {
  good: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  warn: 'border-amber-200 bg-amber-50 text-amber-900',
  bad: 'border-rose-300 bg-rose-50 text-rose-900',
  neutral: 'border-slate-200 bg-slate-50 text-slate-800',
};

const SOURCE_WORDS: Record<LagReport['offsetSource'], string> = {
  tasks: 'positions of Druid’s tasks',
  committed: 'offsets Druid committed (no task is reading)',
  none: 'none: Druid has no offsets for this supervisor yet',
};

export function LagPanel({ report, error }: { report: LagReport | undefined; error: Error | null }) {
  if (!report) {
    return <p className="text-sm text-slate-500">{error ? `Lag could not be read from Kafka: ${error.message}` : 'Reading offsets from Kafka and Druid…'}</p>;
  }
  const headline = lagHeadline(report);
  return (
    <div className="space-y-2" data-testid="kafka-lag">
      <div className={`flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded-md border px-3 py-2 ${TONE[headline.tone]}`}>
        <span className="font-medium" data-testid="lag-direction">
          {headline.text}
        </span>
        <span>
          <span className="font-semibold tabular-nums" data-testid="kafka-total-lag">
            {formatCount(report.totalLag)}
          </span>{' '}
          messages behind
        </span>
        <span>
          oldest unread{' '}
          <span className="font-semibold tabular-nums" data-testid="max-time-lag">
            {report.maxTimeLagMs === 0 ? '0 s' : formatDuration(report.maxTimeLagMs)}
          </span>
        </span>
      </div>
      <p className="text-xs text-slate-500">
        End offsets read from Kafka; current offsets are the {SOURCE_WORDS[report.offsetSource]}. Measured {formatTime(report.measuredAt)}.
      </p>
      {report.problems.map((problem) => (
        <p key={problem} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          {problem}
        </p>
      ))}
    </div>
  );
}
