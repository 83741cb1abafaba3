// kafkajs logs every retry of a lost connection. While a test holds a broker down that
// would bury real output, so only errors are printed, each distinct one at most once per
// window.
import { logLevel, type logCreator } from 'kafkajs';

export const REPEATED_ERROR_WINDOW_MS = 30_000;

export function quietKafkaLog(write: (line: string) => void): logCreator {
  const lastPrinted = new Map<string, number>();
  return () =>
    ({ level, log }) => {
      if (level > logLevel.ERROR) return;
      const text = `${log.message}${log.broker ? ` (broker ${log.broker})` : ''}`;
      const now = Date.now();
      if (now - (lastPrinted.get(text) ?? -Infinity) < REPEATED_ERROR_WINDOW_MS) return;
      lastPrinted.set(text, now);
      write(`kafka: ${text}`);
    };
}
