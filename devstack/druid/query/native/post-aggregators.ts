// Post-aggregators (docs/querying/post-aggregations.md), computed per result row after the
// aggregators, each able to read the ones before it.

import { invalidQuery } from '../errors';
import { toNumber, } from '../duck';
import type { JsonValue } from '../json';
import { evaluateExpression, parseExpression, type Expression } from './expression';
import type { PostAggregator } from './spec';

export type Row = Record<string, JsonValue>;
type Compiled = (row: Row) => JsonValue;

/** Checks field references up front, so a typo fails the query instead of yielding nulls. */
export function compilePostAggregators(posts: readonly PostAggregator[], aggregatorNames: readonly string[]): Array<{ name: string; compute: Compiled }> {
  const known = new Set(aggregatorNames);
  return posts.map((p, i) => {
    const where = `postAggregations[${i}]`;
    if (!('name' in p) || !p.name) throw invalidQuery(`${where}.name is required`);
    const compute = compile(p, known, where);
    known.add(p.name);
    return { name: p.name, compute };
  });
}

function compile(p: PostAggregator, known: ReadonlySet<string>, where: string): Compiled {
  switch (p.type) {
    case 'fieldAccess':
    case 'finalizingFieldAccess':
    case 'hyperUniqueCardinality': {
      if (!known.has(p.fieldName)) throw invalidQuery(`${where}.fieldName "${p.fieldName}" is not an aggregator or earlier post-aggregator`);
      return (row) => row[p.fieldName] ?? null;
    }
    case 'constant':
      return () => p.value;
    case 'arithmetic': {
      const fields = p.fields.map((f, i) => compile(f, known, `${where}.fields[${i}]`));
      return (row) => arithmetic(p.fn, fields.map((f) => toNumber(f(row))));
    }
    case 'doubleGreatest': case 'longGreatest': case 'doubleLeast': case 'longLeast': {
      const fields = p.fields.map((f, i) => compile(f, known, `${where}.fields[${i}]`));
      const greatest = p.type.endsWith('Greatest');
      return (row) => {
        const values = fields.map((f) => toNumber(f(row))).filter((v): v is number => v !== null);
        if (values.length === 0) return null;
        return greatest ? Math.max(...values) : Math.min(...values);
      };
    }
    case 'expression': {
      let expr: Expression;
      try {
        expr = parseExpression(p.expression);
      } catch (error) {
        throw invalidQuery(`${where}.expression: ${error instanceof Error ? error.message : String(error)}`);
      }
      return (row) => evaluateExpression(expr, row);
    }
  }
}

function arithmetic(fn: string, values: Array<number | null>): number | null {
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  return nums.slice(1).reduce((acc, v) => {
    switch (fn) {
      case '+': return acc + v;
      case '-': return acc - v;
      case '*': return acc * v;
      // Druid's "/" answers 0 for a zero divisor; "quotient" divides as floating point does.
      case '/': return v === 0 ? 0 : acc / v;
      case 'quotient': return acc / v;
      default: return acc ** v;
    }
  }, nums[0]);
}

export function applyPostAggregators(row: Row, posts: ReadonlyArray<{ name: string; compute: Compiled }>): Row {
  for (const p of posts) row[p.name] = p.compute(row);
  return row;
}
