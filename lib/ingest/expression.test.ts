import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression';

const row = { first: 'Ada', last: 'Lovelace', price: '12.5', qty: 4, country: 'no', empty: null, 'kafka.key': 'k1' };
const run = (source: string) => compileExpression(source)(row);

describe('compileExpression', () => {
  it('evaluates functions, arithmetic and column references', () => {
    expect(run("concat(first, ' ', last)")).toBe('Ada Lovelace');
    expect(run('upper(country)')).toBe('NO');
    expect(run('price * qty')).toBe(50);
    expect(run('qty / 3')).toBe(1);
    expect(run('(qty + 1) * 2 - 1')).toBe(9);
    expect(run('-qty')).toBe(-4);
    expect(run('"kafka.key"')).toBe('k1');
    expect(run("nvl(empty, 'none')")).toBe('none');
    expect(run("if(qty > 3, 'bulk', 'single')")).toBe('bulk');
    expect(run("qty >= 4 && country == 'no'")).toBe(1);
    expect(run('strlen(last)')).toBe(8);
    expect(run('substring(last, 0, 4)')).toBe('Love');
    expect(run('price + empty')).toBeNull();
  });

  it('casts as Druid does: text reads as a long or a double, a long truncates toward zero', () => {
    expect(run("cast(price, 'DOUBLE')")).toBe(12.5);
    expect(run("cast(price, 'LONG')")).toBe(12);
    expect(run("cast('-7.9', 'long')")).toBe(-7);
    expect(run("cast(qty, 'STRING')")).toBe('4');
    expect(run("cast(first, 'LONG')")).toBeNull();
    expect(run("cast(empty, 'DOUBLE')")).toBeNull();
    expect(run("cast('9223372036854775807', 'LONG')")).toBe(9223372036854775807n);
    // lib/infer's __time for fractional epoch seconds.
    expect(compileExpression("cast(cast(\"ts\", 'DOUBLE') * 1000, 'LONG')")({ ts: '1716296400.123' })).toBe(1716296400123);
    expect(compileExpression("cast(cast(\"ts\", 'DOUBLE') * 1000, 'LONG')")({ ts: 1716296400.5 })).toBe(1716296400500);
  });

  it('names what it cannot read', () => {
    expect(() => compileExpression("cast(qty, 'ARRAY<LONG>')")).toThrow("cast() to 'ARRAY<LONG>' is not supported by the preview");
    expect(() => compileExpression('cast(qty, first)')).toThrow('cast() needs its type as a literal string');
    expect(() => compileExpression('timestamp_parse(ts)')).toThrow('function "timestamp_parse" is not supported by the preview');
    expect(() => compileExpression('qty +')).toThrow('the expression ends too early');
    expect(() => compileExpression('upper(a, b)')).toThrow('function "upper" takes 1 to 1 arguments, got 2');
    expect(() => compileExpression('qty ; 1')).toThrow('cannot read the expression at character 4');
  });
});
