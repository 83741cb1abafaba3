// Human wording for durations and formats, used in the `why` strings the UI shows.

export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  if (abs < 120_000) return `${Math.round(abs / 1000)} s`;
  if (abs < 2 * 3_600_000) return `${Math.round(abs / 60_000)} min`;
  if (abs < 2 * 86_400_000) return `${Math.round(abs / 3_600_000)} h`;
  if (abs < 2 * 365 * 86_400_000) return `${Math.round(abs / 86_400_000)} days`;
  return `${Math.round(abs / (365.25 * 86_400_000))} years`;
}

export function describeFormat(format: string, fractionalSeconds = false): string {
  if (fractionalSeconds) return 'fractional epoch seconds';
  switch (format) {
    case 'posix':
      return 'epoch seconds';
    case 'millis':
      return 'epoch millis';
    case 'micro':
      return 'epoch micros';
    case 'nano':
      return 'epoch nanos';
    case 'iso':
      return 'ISO 8601';
    case 'auto':
      return 'ISO 8601 or epoch millis';
    default:
      return `pattern ${format}`;
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
