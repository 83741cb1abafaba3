// The query history kept in the browser: the last runs, newest first, one entry per
// distinct text. Pure: the page reads and writes localStorage, this decides what is in it.
import { z } from 'zod';

export const MAX_HISTORY_ENTRIES = 50;
export const QueryModeSchema = z.enum(['sql', 'native']);
export type QueryMode = z.output<typeof QueryModeSchema>;

export const HistoryEntrySchema = z.object({
  mode: QueryModeSchema,
  text: z.string(),
  /** ISO time of the run. */
  ranAt: z.string(),
  outcome: z.enum(['ok', 'error', 'cancelled']),
  rowCount: z.number().int().optional(),
  elapsedMs: z.number().optional(),
});
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

/** Adds a run at the top; running the same text again moves it up rather than repeating it. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const rest = history.filter((old) => !(old.mode === entry.mode && old.text.trim() === entry.text.trim()));
  return [entry, ...rest].slice(0, MAX_HISTORY_ENTRIES);
}

/** Whatever was stored, as entries: bad or foreign items are dropped, never fatal. */
export function parseHistory(stored: string | null): HistoryEntry[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item) => {
      const entry = HistoryEntrySchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    }).slice(0, MAX_HISTORY_ENTRIES);
  } catch {
    return [];
  }
}

/** The first line of a query, for a list. */
export function historyTitle(entry: Pick<HistoryEntry, 'text'>, maxChars = 90): string {
  const line = entry.text.replace(/\s+/g, ' ').trim();
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}
