// DuckDB's errors said the way Druid's SQL layer says them, pointing into the user's query
// rather than into the rewritten one.

import { BrokerError, planValidationFailed, sqlParseFailed, unknownException } from '../errors';
import { isSignificant, positionAt, tokenize, type Token } from './tokens';

export function translateDuckError(error: unknown, originalSql: string): BrokerError {
  if (error instanceof BrokerError) return error;
  const full = error instanceof Error ? error.message : String(error);
  const message = full.split('\n')[0];
  const locate = (needle: string) => locateToken(originalSql, needle);
  let m = /^Parser Error: syntax error at or near "(.*)"$/.exec(message);
  if (m) return sqlParseFailed(`Received an unexpected token [${m[1]}]`, locate(m[1]));
  if (/^Parser Error: syntax error at end of input/.test(message)) return sqlParseFailed('Received an unexpected end of query');
  if (message.startsWith('Parser Error: ')) return sqlParseFailed(message.slice('Parser Error: '.length));
  m = /^Binder Error: Referenced column "(.*?)" not found/.exec(message);
  if (m) return planValidationFailed(`Column '${m[1]}' not found in any table`, locate(m[1]));
  m = /^Catalog Error: (?:Scalar|Aggregate|Table) Function with name "?(\w+)"? does not exist/.exec(message);
  if (m) return planValidationFailed(`No match found for function signature ${m[1].toUpperCase()}`, locate(m[1]));
  m = /^(Binder|Catalog) Error: (.*)$/.exec(message);
  if (m) return planValidationFailed(m[2]);
  m = /^(Conversion|Invalid Input|Out of Range) Error: (.*)$/.exec(message);
  if (m) return planValidationFailed(m[2]);
  return unknownException(message);
}

function locateToken(sql: string, needle: string) {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch {
    return undefined;
  }
  const lower = needle.toLowerCase();
  const hit = tokens.find((t) => isSignificant(t) && (t.text.toLowerCase() === lower || t.text.toLowerCase() === `"${lower}"`));
  return hit ? positionAt(sql, hit.start, hit.text.length) : undefined;
}
