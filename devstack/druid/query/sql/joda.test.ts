import { describe, expect, it } from 'vitest';
import { jodaToPieces, jodaToStrptime } from './joda';

describe('Joda patterns', () => {
  it('maps the common fields and keeps quoted text literal', () => {
    expect(jodaToPieces("yyyy-MM-dd'T'HH:mm:ss.SSS")).toEqual([{ strftime: '%Y-%m-%dT%H:%M:%S.%g' }]);
    expect(jodaToPieces("d MMM yyyy 'at' h a")).toEqual([{ strftime: '%-d %b %Y at %-I %p' }]);
  });

  it('splits out offsets, which vary by row', () => {
    expect(jodaToPieces('HH:mmZZ')).toEqual([{ strftime: '%H:%M' }, { offset: 'colon' }]);
  });

  it('rejects letters it cannot honour, naming them', () => {
    expect(() => jodaToPieces('yyyy G')).toThrow('letter "G"');
    expect(() => jodaToStrptime('yyyyZ')).toThrow('offsets');
  });
});
