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

  it('names what it cannot read', () => {
    expect(() => compileExpression('timestamp_parse(ts)')).toThrow('function "timestamp_parse" is not supported by the local engine');
    expect(() => compileExpression('qty +')).toThrow('the expression ends too early');
    expect(() => compileExpression('upper(a, b)')).toThrow('function "upper" takes 1 to 1 arguments, got 2');
    expect(() => compileExpression('qty ; 1')).toThrow('cannot read the expression at character 4');
  });
});
