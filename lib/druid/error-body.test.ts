import { describe, expect, it } from 'vitest';
import { describeErrorBody } from './error-body';
import { fixtureText } from './testing/fixtures';

describe('describeErrorBody', () => {
  it('reads the legacy query error and prefixes its code', () => {
    const details = describeErrorBody(fixtureText('broker.native.error.response.json'), 'application/json');
    expect(details).toMatchObject({
      format: 'druid-query-error',
      message: 'Query timeout: Timeout waiting for task.',
      druidCode: 'Query timeout',
      errorClass: 'java.util.concurrent.TimeoutException',
      host: 'druid1.example.com:8083',
    });
  });

  it('keeps the first line of a long SQL parse error and the rest aside', () => {
    const body = JSON.stringify({
      error: 'SQL parse failed',
      errorMessage: 'Encountered "FROM" at line 1, column 8.\nWas expecting one of:\n    "ALL" ...',
      errorClass: 'org.apache.calcite.sql.parser.SqlParseException',
      host: null,
    });
    const details = describeErrorBody(body, 'application/json');
    expect(details.message).toBe('SQL parse failed: Encountered "FROM" at line 1, column 8.');
    expect(details.fullMessage).toContain('Was expecting one of');
  });

  it('reads the DruidException envelope and adds the position from its context', () => {
    const body = JSON.stringify({
      error: 'druidException',
      errorCode: 'invalidInput',
      persona: 'USER',
      category: 'INVALID_INPUT',
      errorMessage: "Received an unexpected token [FROM]",
      context: { sourceType: 'sql', line: '1', column: '8', endLine: '1', endColumn: '11' },
    });
    expect(describeErrorBody(body, 'application/json')).toMatchObject({
      format: 'druid-exception',
      message: 'Received an unexpected token [FROM] at line 1, column 8',
      druidCode: 'invalidInput',
      category: 'INVALID_INPUT',
      persona: 'USER',
    });
  });

  it('reads the compatibility form of a wrapped legacy error', () => {
    const body = JSON.stringify({
      error: 'Query timeout',
      errorCode: 'legacyQueryException',
      persona: 'OPERATOR',
      category: 'TIMEOUT',
      errorMessage: 'Query [abc] timed out.',
      errorClass: 'org.apache.druid.query.QueryTimeoutException',
      host: null,
      context: {},
    });
    expect(describeErrorBody(body, 'application/json')).toMatchObject({ message: 'Query timeout: Query [abc] timed out.', druidCode: 'Query timeout' });
  });

  it("reads the sampler's error", () => {
    expect(describeErrorBody(fixtureText('overlord.sampler.error.400.shape.json'), 'application/json')).toEqual({
      format: 'druid-simple',
      message: 'The sampler encountered an issue',
    });
  });

  it("reads Jetty's servlet error JSON", () => {
    const body = JSON.stringify({
      servlet: 'org.eclipse.jetty.servlet.ServletHolder',
      message: 'java.lang.NullPointerException: topic',
      url: '/druid/indexer/v1/sampler',
      status: '500',
      cause0: 'java.lang.NullPointerException: topic',
    });
    expect(describeErrorBody(body, 'application/json')).toMatchObject({
      format: 'servlet',
      message: 'java.lang.NullPointerException: topic',
      errorClass: 'java.lang.NullPointerException',
    });
  });

  it("gives a proxy's HTML page as its title, never its markup", () => {
    const nginx = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';
    expect(describeErrorBody(nginx, 'text/html')).toEqual({ format: 'html', message: '502 Bad Gateway' });
    const jetty =
      '<html><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/><title>Error 500 Server Error</title></head>' +
      '<body><h2>HTTP ERROR 500 java.lang.IllegalStateException: No leader &amp; no luck</h2></body></html>';
    expect(describeErrorBody(jetty, 'text/html;charset=utf-8').message).toBe(
      'Error 500 Server Error: HTTP ERROR 500 java.lang.IllegalStateException: No leader & no luck',
    );
  });

  it('passes plain text on and notes an empty body', () => {
    expect(describeErrorBody('Service Unavailable\n', 'text/plain')).toEqual({ format: 'text', message: 'Service Unavailable' });
    expect(describeErrorBody('  ', null)).toEqual({ format: 'empty' });
  });
});
