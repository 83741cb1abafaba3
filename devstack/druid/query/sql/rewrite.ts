// Druid SQL -> DuckDB SQL. Only Druid-specific constructs change: functions DuckDB lacks,
// FLOOR/CEIL(... TO unit), CURRENT_TIMESTAMP, dynamic parameters, and table names (datasources
// live in schema "druid", system tables are materialized per query). Literals never change.

import { planValidationFailed, sqlParseFailed } from '../errors';
import { quoteIdent, quoteString, tableRef } from '../duck';
import { FUNCTION_REWRITES, floorToUnitSql, type SqlArg } from './functions';
import { parameterSql, type SqlParameter } from './parameters';
import { identName, isSignificant, isWord, positionAt, stringValue, tokenize, type Token } from './tokens';

export interface SystemTableRef {
  readonly key: string;
  readonly sqlName: string;
}

export interface RewriteContext {
  readonly datasources: ReadonlySet<string>;
  readonly systemTable: (schema: string, table: string) => SystemTableRef | undefined;
  readonly timeZone: string;
  readonly parameters: readonly SqlParameter[];
}

export interface RewriteResult {
  readonly sql: string;
  /** Keys of the system tables the query reads. */
  readonly systemTables: readonly string[];
  /** Datasources the query reads. */
  readonly datasources: readonly string[];
}

const QUERY_STARTS = ['SELECT', 'WITH', 'VALUES'];
/** Keywords that end a FROM list at the same nesting level. */
const FROM_LIST_ENDS = ['WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'FETCH', 'QUALIFY', 'SELECT'];

export function rewriteSql(sql: string, ctx: RewriteContext): RewriteResult {
  return new Rewriter(sql, ctx).run();
}

class Rewriter {
  private readonly tokens: Token[];
  private readonly cteNames = new Set<string>();
  private readonly systemTables = new Set<string>();
  private readonly datasources = new Set<string>();
  private parameterIndex = 0;

  constructor(private readonly sql: string, private readonly ctx: RewriteContext) {
    this.tokens = tokenize(sql);
  }

  run(): RewriteResult {
    let end = this.tokens.length;
    const sig = this.tokens.map((t, i) => [t, i] as const).filter(([t]) => isSignificant(t));
    if (sig.length === 0) throw sqlParseFailed('Empty query');
    const last = sig[sig.length - 1];
    if (last[0].text === ';') end = last[1];
    const semicolon = sig.find(([t, i]) => t.text === ';' && i < end);
    if (semicolon) throw sqlParseFailed('Multiple statements are not supported; send one query per request', this.pos(semicolon[0]));
    this.checkStatement(sig[0][0]);
    this.collectCteNames();
    const out = this.walk(0, end, 'query');
    const used = this.ctx.parameters.length;
    if (this.parameterIndex !== used) {
      throw planValidationFailed(`The query has ${this.parameterIndex} dynamic parameter(s) but the request gave ${used}`);
    }
    return { sql: out, systemTables: [...this.systemTables], datasources: [...this.datasources] };
  }

  private checkStatement(first: Token): void {
    if (first.text === '(' || isWord(first, ...QUERY_STARTS)) return;
    const word = first.text.toUpperCase();
    if (word === 'EXPLAIN') throw sqlParseFailed('EXPLAIN must be followed by PLAN FOR and a query', this.pos(first));
    if (word === 'INSERT' || word === 'REPLACE') {
      throw planValidationFailed(`${word} needs Druid's multi-stage query engine, which the local engine does not provide`, this.pos(first));
    }
    throw sqlParseFailed(`Received an unexpected token [${first.text}]; the local engine runs SELECT queries only`, this.pos(first));
  }

  private collectCteNames(): void {
    const sig = this.tokens.filter(isSignificant);
    for (let i = 0; i < sig.length; i++) {
      const t = sig[i];
      const prev = sig[i - 1];
      if (!(t.kind === 'word' || t.kind === 'quoted') || !(isWord(prev, 'WITH', 'RECURSIVE') || prev?.text === ',')) continue;
      let j = i + 1;
      // WITH name (col, ...) AS (...): skip the column list.
      if (sig[j]?.text === '(') while (j < sig.length && sig[j].text !== ')') j++;
      if (sig[j]?.text === ')') j++;
      if (isWord(sig[j], 'AS') && sig[j + 1]?.text === '(') this.cteNames.add(identName(t));
    }
  }

  private pos(t: Token) {
    return positionAt(this.sql, t.start, t.text.length);
  }

  private nextSig(i: number, end: number): number {
    while (i < end && !isSignificant(this.tokens[i])) i++;
    return i;
  }

  private prevSig(i: number): Token | undefined {
    for (let j = i - 1; j >= 0; j--) if (isSignificant(this.tokens[j])) return this.tokens[j];
    return undefined;
  }

  private matchingParen(open: number, end: number): number {
    let depth = 0;
    for (let i = open; i < end; i++) {
      const t = this.tokens[i].text;
      if (this.tokens[i].kind !== 'punct') continue;
      if (t === '(') depth++;
      else if (t === ')' && --depth === 0) return i;
    }
    throw sqlParseFailed('Unbalanced parentheses: a "(" is never closed', this.pos(this.tokens[open]));
  }

  /** Rewrites tokens [from, to). `level` says whether FROM here introduces tables. */
  private walk(from: number, to: number, level: 'query' | 'call'): string {
    let out = '';
    const levels: Array<{ kind: 'query' | 'call'; inFrom: boolean }> = [{ kind: level, inFrom: false }];
    let i = from;
    while (i < to) {
      const t = this.tokens[i];
      const top = levels[levels.length - 1];
      if (!isSignificant(t)) { out += t.text; i++; continue; }
      if (t.kind === 'punct' && t.text === '(') {
        const prev = this.prevSig(i);
        const next = this.tokens[this.nextSig(i + 1, to)];
        const isCall = (prev?.kind === 'word' || prev?.kind === 'quoted') && !isWord(prev, 'IN', 'EXISTS', 'AS', 'FROM', 'JOIN', 'LATERAL') && !isWord(next, ...QUERY_STARTS);
        levels.push({ kind: isCall ? 'call' : 'query', inFrom: false });
        out += t.text; i++; continue;
      }
      if (t.kind === 'punct' && t.text === ')') {
        if (levels.length > 1) levels.pop();
        out += t.text; i++; continue;
      }
      if (t.kind === 'param') { out += this.parameter(t); i++; continue; }
      if (t.kind === 'punct' && t.text === ',' && top.inFrom) {
        out += t.text;
        [out, i] = this.tableReference(out, i + 1, to);
        continue;
      }
      if (t.kind !== 'word') { out += t.text; i++; continue; }
      const word = t.text.toUpperCase();
      if ((word === 'FROM' || word === 'JOIN') && top.kind === 'query') {
        top.inFrom = true;
        out += t.text;
        [out, i] = this.tableReference(out, i + 1, to);
        continue;
      }
      if (top.inFrom && FROM_LIST_ENDS.includes(word)) top.inFrom = false;
      if (word === 'CURRENT_TIMESTAMP' || word === 'LOCALTIMESTAMP') { out += "timezone('UTC', now())"; i++; continue; }
      const literal = this.tokens[this.nextSig(i + 1, to)];
      if (word === 'TIMESTAMP' && literal?.kind === 'string' && this.ctx.timeZone !== 'UTC') {
        // Under sqlTimeZone, timestamp literals are wall-clock times in that zone.
        const end = this.nextSig(i + 1, to);
        out += `__tr_unwall(TIMESTAMP ${literal.text}, ${quoteString(this.ctx.timeZone)})`;
        i = end + 1;
        continue;
      }
      if (word === 'CURRENT_DATE') { out += `CAST(__tr_wall(timezone('UTC', now()), ${quoteString(this.ctx.timeZone)}) AS DATE)`; i++; continue; }
      const open = this.nextSig(i + 1, to);
      if (this.tokens[open]?.text === '(' && (FUNCTION_REWRITES[word] || ['FLOOR', 'CEIL', 'CAST'].includes(word))) {
        const close = this.matchingParen(open, to);
        out += this.call(t, open, close);
        i = close + 1;
        continue;
      }
      out += t.text;
      i++;
    }
    return out;
  }

  private call(name: Token, open: number, close: number): string {
    const word = name.text.toUpperCase();
    const ranges = this.splitArgs(open + 1, close);
    const fail = (message: string, at?: number): never => {
      throw planValidationFailed(message, positionAt(this.sql, at ?? name.start, at === undefined ? name.text.length : 1));
    };
    if (word === 'FLOOR' || word === 'CEIL') {
      const to = ranges.length === 1 ? this.findWord(ranges[0][0], ranges[0][1], 'TO') : -1;
      if (to === -1) return `${name.text}(${ranges.map(([a, b]) => this.walk(a, b, 'call')).join(',')})`;
      const unit = this.tokens[this.nextSig(to + 1, ranges[0][1])];
      const expr = this.walk(ranges[0][0], to, 'call').trim();
      return floorToUnitSql(word === 'FLOOR' ? 'floor' : 'ceil', expr, unit?.text ?? '', this.ctx.timeZone, (m) => fail(m));
    }
    if (word === 'CAST') return this.cast(name, ranges);
    const args: SqlArg[] = ranges.map(([a, b]) => {
      const sig = this.tokens.slice(a, b).filter(isSignificant);
      const only = sig.length === 1 ? sig[0] : undefined;
      return {
        sql: this.walk(a, b, 'call').trim(),
        literal: only?.kind === 'string' ? stringValue(only) : undefined,
        isNullLiteral: isWord(only, 'NULL'),
        start: sig[0]?.start ?? name.start,
      };
    });
    return FUNCTION_REWRITES[word]({ name: word, args, timeZone: this.ctx.timeZone, fail });
  }

  /** CAST(__time AS BIGINT) is epoch millis in Druid; DuckDB cannot cast a TIMESTAMP to a number. */
  private cast(name: Token, ranges: Array<[number, number]>): string {
    const inner = ranges.map(([a, b]) => this.walk(a, b, 'call')).join(',');
    const as = ranges.length === 1 ? this.findWord(ranges[0][0], ranges[0][1], 'AS') : -1;
    if (as === -1) return `${name.text}(${inner})`;
    const expr = this.tokens.slice(ranges[0][0], as).filter(isSignificant);
    const target = this.tokens.slice(as + 1, ranges[0][1]).filter(isSignificant).map((t) => t.text.toUpperCase()).join(' ');
    const isTime = expr.length === 1 && identName(expr[0]) === '__time';
    return isTime && ['BIGINT', 'INTEGER', 'INT'].includes(target) ? `epoch_ms(${expr[0].text})` : `${name.text}(${inner})`;
  }

  private splitArgs(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let depth = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const t = this.tokens[i];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === ')' || t.text === ']') depth--;
      else if (t.text === ',' && depth === 0) { out.push([start, i]); start = i + 1; }
    }
    if (this.nextSig(start, to) < to || out.length > 0) out.push([start, to]);
    return out;
  }

  private findWord(from: number, to: number, word: string): number {
    let depth = 0;
    for (let i = from; i < to; i++) {
      const t = this.tokens[i];
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (depth === 0 && isWord(t, word)) return i;
    }
    return -1;
  }

  /** Resolves the table reference starting at or after token i; returns [out, next index]. */
  private tableReference(out: string, i: number, to: number): [string, number] {
    const first = this.nextSig(i, to);
    out += this.tokens.slice(i, first).map((t) => t.text).join('');
    const t = this.tokens[first];
    if (!t || t.text === '(' || isWord(t, 'LATERAL', 'UNNEST')) return [out, first];
    if (t.kind === 'string') throw planValidationFailed(`Object '${stringValue(t)}' not found`, this.pos(t));
    if (t.kind !== 'word' && t.kind !== 'quoted') return [out, first];
    const parts: Token[] = [t];
    let j = first + 1;
    while (this.tokens[j]?.text === '.' && ['word', 'quoted'].includes(this.tokens[j + 1]?.kind ?? '')) {
      parts.push(this.tokens[j + 1]);
      j += 2;
    }
    if (this.tokens[this.nextSig(j, to)]?.text === '(') {
      throw planValidationFailed(`Table function '${parts.map(identName).join('.')}' is not supported by the local engine`, this.pos(t));
    }
    return [out + this.resolveTable(parts), j];
  }

  private resolveTable(parts: Token[]): string {
    const names = parts.map(identName);
    const last = parts[parts.length - 1];
    if (names.length === 1) {
      if (this.cteNames.has(names[0])) return parts[0].text;
      if (this.ctx.datasources.has(names[0])) return this.datasource(names[0]);
      throw planValidationFailed(`Object '${names[0]}' not found`, this.pos(last));
    }
    const [schema, table] = names.length === 3 && names[0] === 'druid' ? names.slice(1) : names;
    if (names.length <= 3 && schema === 'druid' && this.ctx.datasources.has(table)) return this.datasource(table);
    const system = names.length === 2 ? this.ctx.systemTable(schema, table) : undefined;
    if (system) {
      this.systemTables.add(system.key);
      return quoteIdent(system.sqlName);
    }
    throw planValidationFailed(`Object '${table}' not found within '${schema}'`, this.pos(last));
  }

  private datasource(name: string): string {
    this.datasources.add(name);
    return tableRef(name);
  }

  private parameter(t: Token): string {
    const index = this.parameterIndex++;
    const p = this.ctx.parameters[index];
    if (!p) throw planValidationFailed(`No value was given for dynamic parameter ${index + 1}`, this.pos(t));
    return parameterSql(p, index);
  }
}
