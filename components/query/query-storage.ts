// What the Query page keeps in this browser: the editor's text per mode (so nothing
// typed is lost on reload or a failed query) and the run history.
import { parseHistory, type HistoryEntry, type QueryMode } from '@/lib/query/history';

const TEXT_KEY = (mode: QueryMode) => `tributary.query.text.${mode}`;
const HISTORY_KEY = 'tributary.query.history';
const CONTEXT_KEY = 'tributary.query.context';

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Storage can be switched off (private modes, policies): the page still works, it just forgets.
    return undefined;
  }
}

export function loadText(mode: QueryMode): string | undefined {
  return storage()?.getItem(TEXT_KEY(mode)) ?? undefined;
}

export function saveText(mode: QueryMode, text: string): void {
  try {
    storage()?.setItem(TEXT_KEY(mode), text);
  } catch {
    // Quota exceeded: keep the text in the page; nothing else to do.
  }
}

export function loadHistory(): HistoryEntry[] {
  return parseHistory(storage()?.getItem(HISTORY_KEY) ?? null);
}

export function saveHistory(history: readonly HistoryEntry[]): void {
  try {
    storage()?.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // As above.
  }
}

export function loadContextText(): string {
  return storage()?.getItem(CONTEXT_KEY) ?? '';
}

export function saveContextText(text: string): void {
  try {
    storage()?.setItem(CONTEXT_KEY, text);
  } catch {
    // As above.
  }
}
