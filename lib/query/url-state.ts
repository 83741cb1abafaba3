// The Query page's state that is worth sharing, in its URL: the mode (SQL or native JSON),
// the datasource open in the side panel, and, in a shared link, the query itself.
import { z } from 'zod';
import { QueryModeSchema, type QueryMode } from './history';

/** Links longer than this break in chat tools and some proxies; longer queries are not put in a link. */
export const MAX_SHARED_QUERY_CHARS = 6_000;

export interface QueryUrlState {
  readonly mode: QueryMode;
  readonly datasource?: string;
  /** A query shared by link; it replaces the editor's text once, when the page opens. */
  readonly sharedQuery?: string;
}

const UrlSchema = z.object({
  mode: QueryModeSchema.catch('sql'),
  datasource: z.string().min(1).max(255).optional().catch(undefined),
  q: z.string().min(1).max(MAX_SHARED_QUERY_CHARS).optional().catch(undefined),
});

export function parseQueryUrl(search: URLSearchParams | string): QueryUrlState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw = Object.fromEntries(['mode', 'datasource', 'q'].flatMap((key) => (params.has(key) ? [[key, params.get(key)]] : [])));
  const parsed = UrlSchema.parse(raw);
  return { mode: parsed.mode, ...(parsed.datasource ? { datasource: parsed.datasource } : {}), ...(parsed.q ? { sharedQuery: parsed.q } : {}) };
}

export function queryUrlSearch(state: QueryUrlState): string {
  const params = new URLSearchParams();
  if (state.mode !== 'sql') params.set('mode', state.mode);
  if (state.datasource) params.set('datasource', state.datasource);
  if (state.sharedQuery) params.set('q', state.sharedQuery);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Why a query cannot be shared by link, or undefined when it can. */
export function issueWithSharing(text: string): string | undefined {
  if (text.trim() === '') return 'Write a query first.';
  if (text.length > MAX_SHARED_QUERY_CHARS) return `The query is longer than ${MAX_SHARED_QUERY_CHARS.toLocaleString('en-US')} characters, too long for a link. Copy the text instead.`;
  return undefined;
}
