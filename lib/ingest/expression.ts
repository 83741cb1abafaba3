// A safe subset of Druid's expression language for transformSpec.transforms: literals, column
// references, arithmetic, comparison and logic operators, and a few pure functions. Anything else
// is refused with the position where reading stopped.
// https://druid.apache.org/docs/latest/querying/math-expr

import { stringifyJson } from './json';

type Node =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Node }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Node[] };

export type Expression = (fields: Readonly<Record<string, unknown>>) => unknown;

const num = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(n) ? null : n;
};
const str = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'object' ? stringifyJson(value) : String(value));
const truthy = (value: unknown): boolean => (typeof value === 'string' ? value.toLowerCase() === 'true' || (num(value) ?? 0) !== 0 : Boolean(value));

const LONG_TEXT = /^-?\d+$/;
const DOUBLE_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** The types cast() takes; Druid requires the type as a literal string. */
export const CAST_TYPES = ['LONG', 'DOUBLE', 'STRING'] as const;
type CastType = (typeof CAST_TYPES)[number];

/** Druid's cast: text is read as a long when it is one, else as a double; a long truncates. */
function castTo(value: unknown, type: CastType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'STRING') return str(value);
  let number: number | bigint | null;
  if (typeof value === 'number' || typeof value === 'bigint') number = value;
  else if (typeof value === 'boolean') number = value ? 1 : 0;
  else if (typeof value === 'string' && LONG_TEXT.test(value)) number = Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value);
  else if (typeof value === 'string' && DOUBLE_TEXT.test(value)) number = Number(value);
  else number = null;
  if (number === null) return null;
  if (type === 'DOUBLE') return Number(number);
  if (typeof number === 'bigint') return number;
  return Number.isFinite(number) ? Math.trunc(number) : null;
}

const FUNCTIONS: Readonly<Record<string, { arity: [number, number]; fn: (...args: unknown[]) => unknown }>> = {
  concat: { arity: [1, 64], fn: (...args) => (args.some((a) => a === null || a === undefined) ? null : args.map(str).join('')) },
  upper: { arity: [1, 1], fn: (a) => str(a)?.toUpperCase() ?? null },
  lower: { arity: [1, 1], fn: (a) => str(a)?.toLowerCase() ?? null },
  strlen: { arity: [1, 1], fn: (a) => str(a)?.length ?? null },
  trim: { arity: [1, 1], fn: (a) => str(a)?.trim() ?? null },
  substring: { arity: [3, 3], fn: (a, start, length) => str(a)?.substr(num(start) ?? 0, (num(length) ?? -1) < 0 ? undefined : (num(length) as number)) ?? null },
  replace: { arity: [3, 3], fn: (a, from, to) => str(a)?.split(str(from) ?? '').join(str(to) ?? '') ?? null },
  nvl: { arity: [2, 2], fn: (a, b) => (a === null || a === undefined ? b : a) },
  if: { arity: [3, 3], fn: (c, a, b) => (truthy(c) ? a : b) },
  abs: { arity: [1, 1], fn: (a) => (num(a) === null ? null : Math.abs(num(a) as number)) },
  floor: { arity: [1, 1], fn: (a) => (num(a) === null ? null : Math.floor(num(a) as number)) },
  ceil: { arity: [1, 1], fn: (a) => (num(a) === null ? null : Math.ceil(num(a) as number)) },
  round: { arity: [1, 1], fn: (a) => (num(a) === null ? null : Math.round(num(a) as number)) },
  cast: { arity: [2, 2], fn: (a, type) => castTo(a, String(type).toUpperCase() as CastType) },
};

const BINARY: Readonly<Record<string, (a: unknown, b: unknown) => unknown>> = {
  '+': (a, b) => (typeof a === 'string' && num(a) === null) || (typeof b === 'string' && num(b) === null) ? (a === null || b === null ? null : `${str(a)}${str(b)}`) : arith(a, b, (x, y) => x + y),
  '-': (a, b) => arith(a, b, (x, y) => x - y),
  '*': (a, b) => arith(a, b, (x, y) => x * y),
  '/': (a, b) => arith(a, b, (x, y) => (y === 0 ? null : Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y)),
  '%': (a, b) => arith(a, b, (x, y) => (y === 0 ? null : x % y)),
  '==': (a, b) => (compare(a, b) === 0 ? 1 : 0),
  '!=': (a, b) => (compare(a, b) === 0 ? 0 : 1),
  '<': (a, b) => ((compare(a, b) ?? 0) < 0 ? 1 : 0),
  '<=': (a, b) => ((compare(a, b) ?? 1) <= 0 ? 1 : 0),
  '>': (a, b) => ((compare(a, b) ?? 0) > 0 ? 1 : 0),
  '>=': (a, b) => ((compare(a, b) ?? -1) >= 0 ? 1 : 0),
  '&&': (a, b) => (truthy(a) && truthy(b) ? 1 : 0),
  '||': (a, b) => (truthy(a) || truthy(b) ? 1 : 0),
};

const PRECEDENCE: Readonly<Record<string, number>> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

function arith(a: unknown, b: unknown, op: (x: number, y: number) => number | null): number | null {
  const x = num(a);
  const y = num(b);
  return x === null || y === null ? null : op(x, y);
}

function compare(a: unknown, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x - y;
  const s = str(a) as string;
  const t = str(b) as string;
  return s < t ? -1 : s > t ? 1 : 0;
}

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w.]*)|(&&|\|\||==|!=|<=|>=|[-+*/%<>!(),]))/y;

type Token = { readonly type: 'number' | 'string' | 'column' | 'name' | 'op'; readonly text: string; readonly at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`cannot read the expression at character ${at + 1}: "${source.slice(at, at + 12)}"`);
    const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
    if (match[1] !== undefined) tokens.push({ type: 'number', text: match[1], at });
    else if (match[2] !== undefined) tokens.push({ type: 'string', text: unescape(match[2]), at });
    else if (match[3] !== undefined) tokens.push({ type: 'column', text: unescape(match[3]), at });
    else if (match[4] !== undefined) tokens.push({ type: 'name', text: match[4], at });
    else tokens.push({ type: 'op', text: match[5], at });
  }
  return tokens;
}

/** Compiles an expression; throws an Error saying where and why it cannot. */
export function compileExpression(source: string): Expression {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (message: string): never => {
    throw new Error(`${message} at character ${(peek()?.at ?? source.length) + 1}`);
  };
  const expect = (text: string) => (peek()?.text === text && peek()?.type === 'op' ? i++ : fail(`expected "${text}"`));

  function primary(): Node {
    const token = tokens[i++];
    if (!token) return fail('the expression ends too early');
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'column') return { kind: 'column', name: token.text };
    if (token.type === 'op' && token.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (token.type === 'op' && (token.text === '-' || token.text === '!')) return { kind: 'unary', op: token.text, arg: primary() };
    if (token.type === 'name') {
      if (token.text === 'null') return { kind: 'literal', value: null };
      if (peek()?.text !== '(') return { kind: 'column', name: token.text };
      const spec = FUNCTIONS[token.text.toLowerCase()];
      if (!spec) throw new Error(`function "${token.text}" is not supported by the preview (supported: ${Object.keys(FUNCTIONS).join(', ')})`);
      i++;
      const args: Node[] = [];
      if (peek()?.text !== ')') {
        args.push(binary(0));
        while (peek()?.text === ',') {
          i++;
          args.push(binary(0));
        }
      }
      expect(')');
      if (args.length < spec.arity[0] || args.length > spec.arity[1]) throw new Error(`function "${token.text}" takes ${spec.arity.join(' to ')} arguments, got ${args.length}`);
      if (token.text.toLowerCase() === 'cast') checkCastType(args[1]);
      return { kind: 'call', fn: token.text.toLowerCase(), args };
    }
    i--;
    return fail(`unexpected "${token.text}"`);
  }

  function binary(minPrecedence: number): Node {
    let left = primary();
    for (;;) {
      const token = peek();
      const precedence = token?.type === 'op' ? PRECEDENCE[token.text] : undefined;
      if (precedence === undefined || precedence < minPrecedence) break;
      i++;
      left = { kind: 'binary', op: token!.text, left, right: binary(precedence + 1) };
    }
    return left;
  }

  const tree = binary(0);
  if (i < tokens.length) fail(`unexpected "${tokens[i].text}"`);
  return (fields) => evaluate(tree, fields);
}

function checkCastType(node: Node): void {
  const type = node.kind === 'literal' && typeof node.value === 'string' ? node.value.toUpperCase() : undefined;
  if (type === undefined) throw new Error("cast() needs its type as a literal string, such as 'LONG'");
  if (!(CAST_TYPES as readonly string[]).includes(type)) throw new Error(`cast() to '${type}' is not supported by the preview (supported: ${CAST_TYPES.join(', ')})`);
}

function evaluate(node: Node, fields: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'column':
      return fields[node.name] ?? null;
    case 'unary': {
      const value = evaluate(node.arg, fields);
      return node.op === '-' ? (num(value) === null ? null : -(num(value) as number)) : truthy(value) ? 0 : 1;
    }
    case 'binary':
      return BINARY[node.op](evaluate(node.left, fields), evaluate(node.right, fields));
    case 'call':
      return FUNCTIONS[node.fn].fn(...node.args.map((arg) => evaluate(arg, fields)));
  }
}
