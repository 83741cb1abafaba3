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

describe('redactSpec, beyond plain strings', () => {
  it('hides password providers, a mapString provider\'s secret values and a schema registry\'s credentials, and shows variable names', () => {
    const spec = {
      spec: {
        ioConfig: {
          consumerProperties: {
            'bootstrap.servers': 'kafka:9092',
            'ssl.keystore.password': { type: 'default', password: 'ks-secret' },
            'ssl.truststore.password': { type: 'environment', variable: 'TRUSTSTORE_PASSWORD' },
            'druid.dynamic.config.provider': { type: 'mapString', config: { 'sasl.jaas.config': 'jaas-secret', 'client.id': 'druid' } },
          },
          inputFormat: {
            type: 'avro_stream',
            avroBytesDecoder: { type: 'schema_registry', url: 'http://registry:8081', config: { 'basic.auth.user.info': 'u:registry-secret' }, headers: { Authorization: 'Basic abc' } },
          },
        },
      },
    };
    const redacted = redactSpec(spec).spec.ioConfig;
    expect(redacted.consumerProperties).toEqual({
      'bootstrap.servers': 'kafka:9092',
      'ssl.keystore.password': { type: 'default', password: REDACTED },
      'ssl.truststore.password': { type: 'environment', variable: 'TRUSTSTORE_PASSWORD' },
      'druid.dynamic.config.provider': { type: 'mapString', config: { 'sasl.jaas.config': REDACTED, 'client.id': 'druid' } },
    });
    expect(redacted.inputFormat.avroBytesDecoder).toEqual({ type: 'schema_registry', url: 'http://registry:8081', config: { 'basic.auth.user.info': REDACTED }, headers: { Authorization: REDACTED } });
    expect(JSON.stringify(redactSpec(spec))).not.toMatch(/secret|abc/);
  });
});

describe('withoutCredentials', () => {
  it('drops a user and password written into a URL and leaves others alone', () => {
    expect(withoutCredentials('https://admin:s3cret@druid.example.com:8888')).toBe('https://druid.example.com:8888');
    expect(withoutCredentials('http://router:8888')).toBe('http://router:8888');
  });
});
