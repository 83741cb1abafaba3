import { describe, expect, it } from 'vitest';
import { importSpecValue } from './import-spec';
import { issuesWithRedactedValues, REDACTED } from './redaction';
import { clicksSpecWith } from './spec-test-helpers';

describe('the redaction placeholder', () => {
  it('is an error wherever it sits, saying to type the secret again or leave the field out', () => {
    const spec = clicksSpecWith((s) => {
      s.spec.ioConfig.consumerProperties['sasl.jaas.config'] = REDACTED;
      s.spec.ioConfig.consumerProperties['ssl.truststore.password'] = { type: 'default', password: `x${REDACTED}` };
    });
    const issues = issuesWithRedactedValues(spec);
    expect(issues.map((i) => i.pathText)).toEqual([
      'spec.ioConfig.consumerProperties["sasl.jaas.config"]',
      'spec.ioConfig.consumerProperties["ssl.truststore.password"].password',
    ]);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      message: `this value is "${REDACTED}", the placeholder Tributary shows instead of a secret: type the secret again, or leave the field out`,
    });
  });

  it('stops an import from passing, so neither a submit nor a check sends it to Druid', () => {
    const spec = clicksSpecWith((s) => (s.spec.ioConfig.inputFormat = { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://r:8081', config: { 'basic.auth.user.info': REDACTED } } }));
    const errors = importSpecValue(spec).issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.pathText)).toEqual(['spec.ioConfig.inputFormat.avroBytesDecoder.config["basic.auth.user.info"]']);
  });

  it('leaves specs without it alone', () => {
    expect(issuesWithRedactedValues(clicksSpecWith(() => {}))).toEqual([]);
  });
});
