// Druid's own words for a row it cannot ingest, so that the preview's reasons read like the
// sampler's and the task reports'. Druid prints an event as Java prints its Map.
// https://github.com/apache/druid/blob/master/processing/src/main/java/org/apache/druid/data/input/impl/MapInputRowParser.java

/** MapInputRowParser.rawMapToPrint: the event cut after this many characters. */
const EVENT_PRINT_CHARS = 100;

/** How Java's String.valueOf writes a value parsed from a record: {a=1, b=[x, y]}, null, 1.5. */
export function javaText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${javaText(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** An event as Druid's parse errors print it: the row's map, cut after 100 characters with "...". */
export function druidEventText(fields: Readonly<Record<string, unknown>>): string {
  const text = javaText(fields);
  return text.length < EVENT_PRINT_CHARS ? text : `${text.slice(0, EVENT_PRINT_CHARS)}...`;
}

/** Druid's reason for a row whose timestamp is missing (null) or cannot be read in the timestampSpec's format. */
export function unparseableTimestamp(raw: unknown, fields: Readonly<Record<string, unknown>>): string {
  return `Timestamp[${javaText(raw)}] is unparseable! Event: ${druidEventText(fields)}`;
}

/**
 * The root fields Druid's JSON reader discovers, which are what its parse errors print: no objects,
 * no nulls, only lists of plain values (JSONFlattenerMaker.discoverRootFields).
 */
export function discoveredJsonFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const plain = (value: unknown) => value === null || typeof value !== 'object';
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && (Array.isArray(value) ? value.every(plain) : plain(value))),
  );
}

/** Line-reading formats (csv, tsv, regex) say which line of the record failed; JSON says nothing more. */
export function onLine(message: string, format: string, line: number): string {
  return format === 'csv' || format === 'tsv' || format === 'regex' ? `${message} (Line: ${line})` : message;
}
