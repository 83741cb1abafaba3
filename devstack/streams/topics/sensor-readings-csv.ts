// Sensor readings as CSV lines, one per record. Each partition opens with the header line
// (what a file-tailing producer sends first), and some fields are quoted because they hold
// commas or quotes, so a CSV reader has to honour RFC 4180 quoting.
import type { StreamTopic } from '../types';

export const SENSOR_CSV_COLUMNS = ['reading_time', 'sensor_id', 'site', 'temperature_c', 'humidity_pct', 'status', 'note'] as const;
const SITES = ['Berlin, Plant 2', 'Lyon', 'Porto', 'Austin, TX'] as const;
const STATUSES = ['ok', 'ok', 'ok', 'warn', 'fault'] as const;
const NOTES = ['', '', '', 'recalibrated', 'door "B" open', 'battery low, replace soon'] as const;

export const sensorReadingsCsv: StreamTopic = {
  name: 'sensor-readings-csv',
  partitions: 2,
  ratePerSec: 1,
  partitionHeader: SENSOR_CSV_COLUMNS.join(','),
  generate(rng, arrivalMs) {
    const fields = [
      new Date(arrivalMs).toISOString(),
      `s-${String(rng.int(1, 40)).padStart(3, '0')}`,
      rng.pick(SITES),
      (rng.int(-150, 450) / 10).toFixed(1),
      String(rng.int(10, 95)),
      rng.pick(STATUSES),
      rng.pick(NOTES),
    ];
    return { value: fields.map(csvField).join(','), timestamp: arrivalMs };
  },
};

/** Quotes a field only when it needs it, doubling inner quotes (RFC 4180). */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
