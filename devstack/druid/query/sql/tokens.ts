// A tokenizer for Druid SQL (Calcite's lexical rules) that keeps every character, so the
// rewrite can change Druid-only constructs and leave string literals and the rest untouched.

import { sqlParseFailed, type SqlPosition } from '../errors';

export type TokenKind = 'space' | 'comment' | 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
}

const PUNCT = ['<>', '<=', '>=', '!=', '||', '::', '(', ')', ',', '.', ';', '+', '-', '*', '/', '%', '=', '<', '>', '[', ']', '{', '}', ':', '^'];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    const rest = sql.slice(i, i + 2);
    if (/\s/.test(c)) {
      let j = i;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push('space', j);
    } else if (rest === '--') {
      const j = sql.indexOf('\n', i);
      push('comment', j === -1 ? sql.length : j);
    } else if (rest === '/*') {
      const j = sql.indexOf('*/', i + 2);
      if (j === -1) throw sqlParseFailed('Unterminated comment', positionAt(sql, i));
      push('comment', j + 2);
    } else if (c === "'" || (/[uUxX]/.test(c) && sql[i + 1] === "'") || (/[uU]/.test(c) && sql.slice(i + 1, i + 3) === "&'")) {
      push('string', endOfQuoted(sql, sql.indexOf("'", i), "'"));
    } else if (c === '"') {
      push('quoted', endOfQuoted(sql, i, '"'));
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
      push('number', i + (m ? m[0].length : 1));
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(sql.slice(i));
      push('word', i + (m ? m[0].length : 1));
    } else if (c === '?') {
      push('param', i + 1);
    } else {
      const p = PUNCT.find((x) => sql.startsWith(x, i));
      if (!p) throw sqlParseFailed(`Lexical error: unexpected character "${c}"`, positionAt(sql, i));
      push('punct', i + p.length);
    }
  }
  return tokens;
}

function endOfQuoted(sql: string, openAt: number, quote: string): number {
  let j = openAt + 1;
  for (;;) {
    const k = sql.indexOf(quote, j);
    if (k === -1) throw sqlParseFailed(`Unterminated ${quote === "'" ? 'string literal' : 'quoted identifier'}`, positionAt(sql, openAt));
    if (sql[k + 1] === quote) j = k + 2;
    else return k + 1;
  }
}

/** Calcite-style 1-based line and column of a character offset. */
export function positionAt(sql: string, offset: number, length = 1): SqlPosition {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + Math.max(0, length - 1) };
}

export function isSignificant(t: Token): boolean {
  return t.kind !== 'space' && t.kind !== 'comment';
}

/** An identifier's name: quoted ones unescaped, bare words as written. */
export function identName(t: Token): string {
  return t.kind === 'quoted' ? t.text.slice(1, -1).replace(/""/g, '"') : t.text;
}

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.kind === 'word' && words.includes(t.text.toUpperCase());
}

export function stringValue(t: Token): string {
  return t.text.slice(t.text.indexOf("'") + 1, -1).replace(/''/g, "'");
}
