// Reads JSON as people paste it: with // and /* */ comments and trailing commas, which
// Druid's parser rejects. Errors say line and column.
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

export interface JsonTextError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface JsonTextResult {
  readonly value?: unknown;
  readonly notes: string[];
  readonly error?: JsonTextError;
}

const READABLE_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'comment is not closed with */',
  UnexpectedEndOfString: 'string is not closed with "',
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonText(text: string): JsonTextResult {
  if (text.trim() === '') {
    return { notes: [], error: { message: 'the text is empty; paste a supervisor spec', line: 1, column: 1, offset: 0 } };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const code = printParseErrorCode(first.error);
    const { line, column } = lineAndColumn(text, first.offset);
    return {
      notes: [],
      error: { message: `line ${line}, column ${column}: ${READABLE_ERRORS[code] ?? code}`, line, column, offset: first.offset },
    };
  }
  return { value, notes: describeLeniency(text) };
}

function describeLeniency(text: string): string[] {
  let comments = 0;
  let trailingCommas = 0;
  let lastWasComma = false;
  visit(
    text,
    {
      onComment: () => {
        comments++;
      },
      onSeparator: (character) => {
        lastWasComma = character === ',';
      },
      onObjectEnd: () => {
        if (lastWasComma) trailingCommas++;
        lastWasComma = false;
      },
      onArrayEnd: () => {
        if (lastWasComma) trailingCommas++;
        lastWasComma = false;
      },
      onObjectBegin: () => {
        lastWasComma = false;
      },
      onArrayBegin: () => {
        lastWasComma = false;
      },
      onObjectProperty: () => {
        lastWasComma = false;
      },
      onLiteralValue: () => {
        lastWasComma = false;
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  const notes: string[] = [];
  if (comments > 0) {
    notes.push(`Dropped ${comments} comment${comments === 1 ? '' : 's'}: Druid accepts plain JSON only, so comments are not kept in the spec.`);
  }
  if (trailingCommas > 0) {
    notes.push(`Ignored ${trailingCommas} trailing comma${trailingCommas === 1 ? '' : 's'}, which plain JSON does not allow.`);
  }
  return notes;
}
