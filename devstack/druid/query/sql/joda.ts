// Joda-Time patterns (what Druid's TIME_FORMAT and TIME_PARSE take) as DuckDB strftime
// formats. Offsets (Z, ZZ) vary per row with daylight saving, so they come back as
// separate pieces the caller renders from the row's own offset.

import { planValidationFailed } from '../errors';

export type FormatPiece = { readonly strftime: string } | { readonly offset: 'basic' | 'colon' };

const LETTERS: Record<string, (n: number) => string> = {
  y: (n) => (n === 2 ? '%y' : '%Y'),
  Y: (n) => (n === 2 ? '%y' : '%Y'),
  x: () => '%G',
  M: (n) => (n >= 4 ? '%B' : n === 3 ? '%b' : n === 2 ? '%m' : '%-m'),
  d: (n) => (n >= 2 ? '%d' : '%-d'),
  D: () => '%j',
  H: (n) => (n >= 2 ? '%H' : '%-H'),
  k: (n) => (n >= 2 ? '%H' : '%-H'),
  h: (n) => (n >= 2 ? '%I' : '%-I'),
  m: (n) => (n >= 2 ? '%M' : '%-M'),
  s: (n) => (n >= 2 ? '%S' : '%-S'),
  S: () => '%g',
  a: () => '%p',
  E: (n) => (n >= 4 ? '%A' : '%a'),
  e: () => '%u',
  w: () => '%V',
  z: () => '%Z',
};

export function jodaToPieces(pattern: string): FormatPiece[] {
  const pieces: FormatPiece[] = [];
  let text = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { text += "'"; i += 2; continue; }
      if (end === -1) throw planValidationFailed(`Unterminated quote in time format pattern "${pattern}"`);
      text += pattern.slice(i + 1, end).replace(/%/g, '%%');
      i = end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    if (c === 'Z') {
      if (text) pieces.push({ strftime: text });
      text = '';
      pieces.push({ offset: n === 1 ? 'basic' : 'colon' });
    } else if (/[A-Za-z]/.test(c)) {
      const map = LETTERS[c];
      if (!map) throw planValidationFailed(`Time format pattern letter "${c}" in "${pattern}" is not supported by the local engine`);
      text += map(n);
    } else {
      text += c === '%' ? '%%'.repeat(n) : c.repeat(n);
    }
    i += n;
  }
  if (text) pieces.push({ strftime: text });
  return pieces;
}

/** A strftime format for parsing; offsets in parse patterns are not supported. */
export function jodaToStrptime(pattern: string): string {
  return jodaToPieces(pattern).map((p) => {
    if ('offset' in p) throw planValidationFailed(`Time zone offsets in TIME_PARSE pattern "${pattern}" are not supported by the local engine`);
    return p.strftime.replace(/%-/g, '%');
  }).join('');
}
