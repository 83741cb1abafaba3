// How a sampled record reads on screen: search within the sample, and raw or pretty values.
import type { SampleRecord } from '@/lib/kafka/schemas';

/** Case-insensitive match on key, value, header values, and partition:offset. */
export function matchesFind(record: SampleRecord, find: string): boolean {
  const needle = find.trim().toLowerCase();
  if (!needle) return true;
  if (record.partition !== null && `${record.partition}:${record.offset}` === needle) return true;
  return [record.key, record.value, ...record.headers.map((h) => h.value)].some((text) => text !== null && text.toLowerCase().includes(needle));
}

/** JSON values indented; anything else as it is. Binary values stay base64 and say so. */
export function prettyValue(record: SampleRecord): string {
  if (record.value === null) return 'null (a tombstone: the message has a key and no value)';
  if (record.valueEncoding === 'base64') return record.value;
  const text = record.value.trim();
  if ((text.startsWith('{') || text.startsWith('[')) && !record.valueTruncated) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return record.value;
    }
  }
  return record.value;
}

/** One line for the table: whitespace collapsed, cut to fit. */
export function previewValue(record: SampleRecord, max = 160): string {
  if (record.value === null) return 'null';
  const flat = record.value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
