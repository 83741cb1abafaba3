import { describe, expect, it } from 'vitest';
import { addToHistory, historyTitle, parseHistory, type HistoryEntry } from './history';
import { issueWithSharing, parseQueryUrl, queryUrlSearch } from './url-state';

const run = (text: string, ranAt = '2026-01-01T00:00:00Z'): HistoryEntry => ({ mode: 'sql', text, ranAt, outcome: 'ok' });

describe('query history', () => {
  it('keeps the newest first, moves a re-run query up, and keeps at most 50', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 60; i++) history = addToHistory(history, run(`SELECT ${i}`));
    expect(history).toHaveLength(50);
    expect(history[0].text).toBe('SELECT 59');
    history = addToHistory(history, run('SELECT 30 ', '2026-02-01T00:00:00Z'));
    expect(history[0]).toMatchObject({ text: 'SELECT 30 ', ranAt: '2026-02-01T00:00:00Z' });
    expect(history.filter((entry) => entry.text.trim() === 'SELECT 30')).toHaveLength(1);
  });

  it('survives whatever is in storage', () => {
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('{not json')).toEqual([]);
    expect(parseHistory(JSON.stringify([run('SELECT 1'), { mode: 'graphql' }]))).toEqual([run('SELECT 1')]);
  });

  it('titles an entry by its text on one line', () => {
    expect(historyTitle({ text: 'SELECT\n  url\nFROM t' })).toBe('SELECT url FROM t');
  });
});

describe('query URL state', () => {
  it('round-trips mode, datasource and a shared query', () => {
    const state = { mode: 'native' as const, datasource: 'web-clickstream', sharedQuery: 'SELECT 1 & 2' };
    expect(parseQueryUrl(queryUrlSearch(state))).toEqual(state);
    expect(queryUrlSearch({ mode: 'sql' })).toBe('');
  });

  it('falls back to SQL for a mode it does not know', () => {
    expect(parseQueryUrl('?mode=graphql')).toEqual({ mode: 'sql' });
  });

  it('refuses to share a query too long for a link', () => {
    expect(issueWithSharing('x'.repeat(7000))).toMatch(/too long for a link/);
    expect(issueWithSharing('SELECT 1')).toBeUndefined();
  });
});
