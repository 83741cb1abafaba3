// Pasted or uploaded messages, one per line, as the same records a Kafka sample gives (without
// Kafka metadata), kept in the browser's localStorage so a reload does not lose them.
import { SAMPLE_LIMIT_MAX, type SampleRecord } from '@/lib/kafka/schemas';

export const PASTE_STORAGE_KEY = 'tributary.load.pasted';
/** localStorage holds about 5 MB per origin; leave room for other drafts. */
export const PASTE_MAX_CHARS = 2 * 1024 * 1024;

export interface PastedMessages {
  readonly records: SampleRecord[];
  /** Lines beyond the sample limit, dropped. */
  readonly dropped: number;
}

/** One message per non-empty line; Windows line ends and a trailing newline are fine. */
export function recordsFromText(text: string): PastedMessages {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const kept = lines.slice(0, SAMPLE_LIMIT_MAX);
  return {
    records: kept.map((line) => ({
      partition: null,
      offset: null,
      timestamp: null,
      timestampType: null,
      key: null,
      keyEncoding: 'utf8',
      value: line,
      valueEncoding: 'utf8',
      valueSize: new TextEncoder().encode(line).length,
      valueTruncated: false,
      headers: [],
    })),
    dropped: lines.length - kept.length,
  };
}

/** Why a file cannot be used as messages, or undefined when it can. */
export function issueWithFile(file: { name: string; size: number; type: string }): string | undefined {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > PASTE_MAX_CHARS) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; upload at most ${PASTE_MAX_CHARS / 1024 / 1024} MB of messages (a sample, not the whole data set).`;
  if (/^(image|video|audio)\//.test(file.type) || /\.(gz|zip|parquet|avro|orc)$/i.test(file.name)) {
    return `${file.name} is not text: upload messages as text, one per line (JSON, CSV, TSV or plain lines).`;
  }
  return undefined;
}

export function savePasted(storage: Pick<Storage, 'setItem'>, text: string): string | undefined {
  if (text.length > PASTE_MAX_CHARS) return `The messages are larger than ${PASTE_MAX_CHARS / 1024 / 1024} MB, so they are not kept across reloads.`;
  try {
    storage.setItem(PASTE_STORAGE_KEY, text);
    return undefined;
  } catch {
    return "The browser's storage is full, so the messages are not kept across reloads.";
  }
}

export function loadPasted(storage: Pick<Storage, 'getItem'>): string {
  try {
    return storage.getItem(PASTE_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
