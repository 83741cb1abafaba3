// Kafka messages as the wizard shows them: text where the bytes are UTF-8, base64 where they are not,
// and very large values cut for display with their full size kept.
import type { SampleRecord } from './schemas';

/** Past this, a value is cut for display; the page says how large it really is. */
export const DISPLAY_VALUE_MAX_BYTES = 64 * 1024;
const DISPLAY_KEY_MAX_BYTES = 4 * 1024;

export interface RawRecord {
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers?: Record<string, Uint8Array | string | (Uint8Array | string)[] | undefined>;
  readonly batchContext?: { readonly timestampType?: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, or base64 when they are not valid UTF-8. */
export function decodeBytes(bytes: Uint8Array, maxBytes = Infinity): { text: string; encoding: 'utf8' | 'base64'; truncated: boolean } {
  const truncated = bytes.length > maxBytes;
  let view = truncated ? bytes.subarray(0, maxBytes) : bytes;
  try {
    return { text: utf8.decode(view), encoding: 'utf8', truncated };
  } catch {
    // A cut may split a multi-byte character: retry without the last 1-3 bytes before calling it binary.
    for (let drop = 1; truncated && drop <= 3; drop++) {
      try {
        view = bytes.subarray(0, maxBytes - drop);
        return { text: utf8.decode(view), encoding: 'utf8', truncated };
      } catch {
        /* keep dropping */
      }
    }
    return { text: Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64'), encoding: 'base64', truncated };
  }
}

export function toSampleRecord(partition: number, raw: RawRecord): SampleRecord {
  const key = raw.key ? decodeBytes(raw.key, DISPLAY_KEY_MAX_BYTES) : null;
  const value = raw.value ? decodeBytes(raw.value, DISPLAY_VALUE_MAX_BYTES) : null;
  const timestamp = Number(raw.timestamp);
  return {
    partition,
    offset: raw.offset,
    timestamp: Number.isFinite(timestamp) && timestamp >= 0 ? timestamp : null,
    timestampType: raw.batchContext?.timestampType === 1 ? 'log-append' : raw.batchContext ? 'create' : null,
    key: key?.text ?? null,
    keyEncoding: key?.encoding ?? 'utf8',
    value: value?.text ?? null,
    valueEncoding: value?.encoding ?? 'utf8',
    valueSize: raw.value?.length ?? 0,
    valueTruncated: value?.truncated ?? false,
    headers: Object.entries(raw.headers ?? {}).flatMap(([headerKey, v]) =>
      (Array.isArray(v) ? v : [v]).map((one) => {
        if (one === undefined || one === null) return { key: headerKey, value: null, encoding: 'utf8' as const };
        const decoded = typeof one === 'string' ? { text: one, encoding: 'utf8' as const } : decodeBytes(one, DISPLAY_KEY_MAX_BYTES);
        return { key: headerKey, value: decoded.text, encoding: decoded.encoding };
      }),
    ),
  };
}

/** Bytes a record costs against the sample's byte budget: what Kafka sent, not what is displayed. */
export function recordBytes(raw: RawRecord): number {
  let size = (raw.key?.length ?? 0) + (raw.value?.length ?? 0);
  for (const [k, v] of Object.entries(raw.headers ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) size += k.length + (one?.length ?? 0);
  }
  return size;
}
