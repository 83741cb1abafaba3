// What the lag from Kafka means for an operator, in one line: caught up, draining (and when it
// will be done), falling behind (and by how much), or holding.
import type { LagReport } from '@/lib/operate';
import { formatDuration, formatRate } from './format';

export type LagTone = 'good' | 'warn' | 'bad' | 'neutral';

export function lagHeadline(report: Pick<LagReport, 'direction' | 'etaSeconds' | 'producedPerSec' | 'consumedPerSec' | 'totalLag'>): { text: string; tone: LagTone } {
  switch (report.direction) {
    case 'caught-up':
      return { text: 'Caught up', tone: 'good' };
    case 'draining':
      return {
        text: report.etaSeconds !== null ? `Draining: caught up in ~${formatDuration(Math.max(1, report.etaSeconds) * 1000)}` : 'Draining',
        tone: 'good',
      };
    case 'rising': {
      const rates = report.producedPerSec !== null && report.consumedPerSec !== null ? `: ${formatRate(report.producedPerSec)} written, ${formatRate(report.consumedPerSec)} read` : '';
      return { text: `Falling behind${rates}`, tone: 'bad' };
    }
    case 'steady':
      return { text: report.totalLag === null ? 'Lag not known' : 'Lag holding steady', tone: 'neutral' };
    default:
      return { text: 'Measuring the rates…', tone: 'neutral' };
  }
}
