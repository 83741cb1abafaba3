'use client';
// The ranked candidates for the event time, the Kafka record time among them, each with the
// evidence behind its rank: how many values parse, how far from the Kafka time, the spread
// and the order of the values.
import type { TimestampCandidate, TimestampChoice } from '@/lib/infer';
import { KAFKA_TIMESTAMP_COLUMN } from '@/lib/infer';
import { describeDuration, describeFormat, percent } from '@/lib/infer/timestamp/describe';

export function candidateLabel(c: Pick<TimestampChoice, 'column'>): string {
  return c.column === KAFKA_TIMESTAMP_COLUMN ? 'Kafka record timestamp' : c.column;
}

function evidence(c: TimestampCandidate): string[] {
  const e = c.evidence;
  const facts = [`${percent(c.parseRate)} parse (${e.parsed.toLocaleString('en-US')} of ${e.total.toLocaleString('en-US')})`];
  if (e.medianKafkaLagMs !== null && c.column !== KAFKA_TIMESTAMP_COLUMN) facts.push(`median ${describeDuration(e.medianKafkaLagMs)} from the Kafka time`);
  if (e.minMs !== null && e.maxMs !== null) facts.push(`spans ${describeDuration(e.maxMs - e.minMs)}`);
  if (e.parsed > 0) facts.push(`${percent(e.ordered)} in order`);
  return facts;
}

interface CandidatesProps {
  readonly candidates: readonly TimestampCandidate[];
  readonly chosen: TimestampChoice;
  readonly onPick: (candidate: TimestampCandidate) => void;
}

export function TimestampCandidates({ candidates, chosen, onPick }: CandidatesProps) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Event time candidates, best first</legend>
      <ol aria-label="Timestamp candidates" className="space-y-2">
        {candidates.map((c) => {
          const picked = c.column === chosen.column;
          return (
            <li key={`${c.column}|${c.format}`} className={`rounded-md border px-3 py-2 text-sm ${picked ? 'border-brand-600 bg-brand-50' : 'border-slate-200 bg-white'}`}>
              <label className="flex cursor-pointer items-start gap-3">
                <input type="radio" name="timestamp-candidate" checked={picked} onChange={() => onPick(c)} className="mt-1" />
                <span className="space-y-0.5">
                  <span className="block">
                    <span className="font-mono font-medium">{candidateLabel(c)}</span> as {describeFormat(c.format, c.fractionalSeconds)}{' '}
                    <span className="text-xs text-slate-500">score {c.score.toFixed(2)}</span>
                  </span>
                  <span className="block text-xs text-slate-600">{evidence(c).join(' · ')}</span>
                  <span className="block text-xs text-slate-500">{c.why}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
