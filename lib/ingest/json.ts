// JSON that keeps 64-bit integers exact. Record values may carry ids or counters beyond 2^53,
// which Druid stores exactly as longs or strings: those parse as bigint here, everything else
// as JSON.parse would.

const LONG_DIGITS = /\d{16,}/;

/** Parses JSON text; integers that do not fit a double exactly become bigint. */
export function parseJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const parser = new ExactParser(text, false);
  const value = parser.value();
  parser.end();
  return value;
}

const DOUBLE_VALUE = Symbol('double');

/**
 * A number written with a fraction or an exponent (2.0, 1e3): Jackson reads it as a Java double,
 * which Druid prints the way Java does ("2.0", "1000.0"), not as JavaScript would ("2", "1000").
 */
export class JsonDouble {
  // Behind a symbol, so that a JSONPath step into the number finds nothing, as into any number.
  readonly [DOUBLE_VALUE]: number;

  constructor(value: number) {
    this[DOUBLE_VALUE] = value;
  }

  /** The value as Java's String.valueOf(double) writes it. */
  toString(): string {
    return javaDoubleString(this[DOUBLE_VALUE]);
  }
}

/** Whether the text may hold a number with a fraction or an exponent: a cheap test before the second parse. */
export function mayHoldDoubles(text: string): boolean {
  return /\d[.eE]/.test(text);
}

/** Parses JSON text as parseJson does, but numbers written with a fraction or exponent become JsonDouble. */
export function parseJsonMarkingDoubles(text: string): unknown {
  const parser = new ExactParser(text, true);
  const value = parser.value();
  parser.end();
  return value;
}

/**
 * Java's Double.toString, which Druid uses to turn a double into a string dimension value:
 * plain notation with at least one decimal in [10^-3, 10^7), computerized scientific notation
 * (1.23456789E7, 1.0E-4) outside it. Digits are the shortest that read back as the same double,
 * as JDK 19 and later print them; JDK 17 prints a few rare values with one digit more.
 */
export function javaDoubleString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** JSON.stringify that writes bigints as exact JSON numbers. */
export function stringifyJson(value: unknown): string {
  if (!containsBigint(value)) return JSON.stringify(value);
  const marked = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `\u0000${v}` : v));
  return marked.replace(/"\\u0000(-?\d+)"/g, '$1');
}

function containsBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(containsBigint);
}

class ExactParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly markDoubles: boolean,
  ) {}

  private fail(message: string): never {
    throw new SyntaxError(`${message} in JSON at position ${this.at}`);
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) this.fail(`Unexpected non-whitespace character after JSON`);
  }

  value(): unknown {
    this.space();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail(char === undefined ? 'Unexpected end' : `Unexpected token '${char}'`);
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('Expected property name');
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ':') this.fail("Expected ':' after property name");
      out[key] = this.value();
      this.space();
      const next = this.text[this.at++];
      if (next === '}') return out;
      if (next !== ',') this.fail("Expected ',' or '}' after property value");
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.space();
      const next = this.text[this.at++];
      if (next === ']') return out;
      if (next !== ',') this.fail("Expected ',' or ']' after array element");
    }
  }

  private string(): string {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(this.text.slice(this.at));
    if (!match) this.fail('Bad string');
    this.at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private number(): number | bigint | JsonDouble {
    const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) this.fail('Bad number');
    this.at += match[0].length;
    const n = Number(match[0]);
    if (!match[1] && !match[2] && !Number.isSafeInteger(n)) return BigInt(match[0]);
    if (this.markDoubles && (match[1] || match[2])) return new JsonDouble(n);
    return n;
  }
}
