// JSON that keeps 64-bit integers exact. Record values may carry ids or counters beyond 2^53,
// which Druid stores exactly as longs or strings: those parse as bigint here, everything else
// as JSON.parse would.

const LONG_DIGITS = /\d{16,}/;

/** Parses JSON text; integers that do not fit a double exactly become bigint. */
export function parseJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const parser = new ExactParser(text);
  const value = parser.value();
  parser.end();
  return value;
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

  constructor(private readonly text: string) {}

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

  private number(): number | bigint {
    const match = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) this.fail('Bad number');
    this.at += match[0].length;
    const n = Number(match[0]);
    if (!match[1] && !match[2] && !Number.isSafeInteger(n)) return BigInt(match[0]);
    return n;
  }
}
