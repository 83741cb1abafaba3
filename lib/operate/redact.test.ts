import { describe, expect, it } from 'vitest';
import { REDACTED, redactSpec, withoutCredentials } from './redact';

describe('redactSpec', () => {
  it('hides SASL and TLS secrets in consumerProperties, under spec and in the echoed copy', () => {
    const consumerProperties = {
      'bootstrap.servers': 'kafka:9092',
      'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";',
      'ssl.truststore.password': 'changeit',
      'ssl.key.password': 'k',
      'key.deserializer': 'org.apache.kafka.common.serialization.StringDeserializer',
    };
    const spec = { type: 'kafka', spec: { ioConfig: { topic: 't', consumerProperties } }, ioConfig: { topic: 't', consumerProperties } };
    const redacted = redactSpec(spec);
    for (const io of [redacted.spec.ioConfig, redacted.ioConfig]) {
      expect(io.consumerProperties).toEqual({
        'bootstrap.servers': 'kafka:9092',
        'sasl.jaas.config': REDACTED,
        'ssl.truststore.password': REDACTED,
        'ssl.key.password': REDACTED,
        'key.deserializer': 'org.apache.kafka.common.serialization.StringDeserializer',
      });
    }
    expect(spec.spec.ioConfig.consumerProperties['ssl.key.password']).toBe('k');
  });

  it('keeps dynamic config providers, which hold no secret themselves', () => {
    const provider = { type: 'environment', variables: { 'sasl.jaas.config': 'KAFKA_JAAS' } };
    const spec = { spec: { ioConfig: { consumerProperties: { 'druid.dynamic.config.provider': provider } } } };
    expect(redactSpec(spec)).toEqual(spec);
  });
});

describe('withoutCredentials', () => {
  it('drops a user and password written into a URL and leaves others alone', () => {
    expect(withoutCredentials('https://admin:s3cret@druid.example.com:8888')).toBe('https://druid.example.com:8888');
    expect(withoutCredentials('http://router:8888')).toBe('http://router:8888');
  });
});
