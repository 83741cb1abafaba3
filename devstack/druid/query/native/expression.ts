// The arithmetic subset of Druid expressions (docs/querying/math-expr.md) used by expression
// post-aggregators: numbers, names of result fields, + - * / % ^, unary minus, parentheses.

import { toNumber } from '../duck';
import type { JsonValue } from '../json';

export type Expression =
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expression; readonly right: Expression };

const TOKEN = /\s*(?:(\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+|\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.$]*)|"((?:[^"\\]|\\.)*)"|(\S))/y;

export function parseExpression(text: string): Expression {
  const tokens: Array<{ kind: 'number' | 'name' | 'op'; text: string; at: number }> = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
    if (m[1] !== undefined) tokens.push({ kind: 'number', text: m[1], at: m.index });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', text: m[2], at: m.index });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', text: m[3].replace(/\\(.)/g, '$1'), at: m.index });
    else if (m[4] !== undefined) tokens.push({ kind: 'op', text: m[4], at: m.index });
    if (text.slice(TOKEN.lastIndex).trim() === '') break;
  }
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${peek()?.at ?? text.length} of "${text}"; only arithmetic on result fields is supported by the local engine`);
  };
  const binary = (ops: string[], next: () => Expression) => (): Expression => {
    let left = next();
    while (peek()?.kind === 'op' && ops.includes(peek().text)) {
      const op = tokens[i++].text;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const primary = (): Expression => {
    const t = tokens[i++];
    if (!t) return fail('Unexpected end of expression');
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text), integer: !/[.eE]/.test(t.text) };
    if (t.kind === 'name') {
      if (peek()?.text === '(') { i--; return fail(`Function "${t.text}" is not supported`); }
      return { kind: 'field', name: t.text };
    }
    if (t.text === '-') return { kind: 'negate', operand: power() };
    if (t.text === '(') {
      const inner = additive();
      if (tokens[i++]?.text !== ')') { i--; fail('Expected ")"'); }
      return inner;
    }
    i--;
    return fail(`Unexpected "${t.text}"`);
  };
  const power = (): Expression => {
    const base = primary();
    if (peek()?.text === '^') { i++; return { kind: 'binary', op: '^', left: base, right: power() }; }
    return base;
  };
  const multiplicative = binary(['*', '/', '%'], power);
  const additive = binary(['+', '-'], multiplicative);
  const expr = additive();
  if (i < tokens.length) fail(`Unexpected "${tokens[i].text}"`);
  return expr;
}

export function evaluateExpression(e: Expression, row: Readonly<Record<string, JsonValue>>): number | null {
  return evaluate(e, row)?.value ?? null;
}

/** Values carry whether they are longs, since long and double division differ. */
function evaluate(e: Expression, row: Readonly<Record<string, JsonValue>>): { value: number; long: boolean } | null {
  switch (e.kind) {
    case 'number':
      return { value: e.value, long: e.integer };
    case 'field': {
      const raw = row[e.name] ?? null;
      const value = toNumber(raw);
      return value === null ? null : { value, long: typeof raw === 'bigint' || Number.isInteger(value) };
    }
    case 'negate': {
      const v = evaluate(e.operand, row);
      return v === null ? null : { value: -v.value, long: v.long };
    }
    case 'binary': {
      const l = evaluate(e.left, row);
      const r = evaluate(e.right, row);
      if (l === null || r === null) return null;
      const long = l.long && r.long;
      const result = (value: number | null) => (value === null ? null : { value, long });
      switch (e.op) {
        case '+': return result(l.value + r.value);
        case '-': return result(l.value - r.value);
        case '*': return result(l.value * r.value);
        // Long division truncates, as Druid's does; a zero divisor gives null rather than throwing.
        case '/': return long ? result(r.value === 0 ? null : Math.trunc(l.value / r.value)) : result(l.value / r.value);
        case '%': return long && r.value === 0 ? null : result(l.value % r.value);
        default: return { value: l.value ** r.value, long: false };
      }
    }
  }
}
