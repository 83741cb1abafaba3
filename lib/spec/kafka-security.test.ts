import { describe, expect, it } from 'vitest';
import { jaasConfigLine, kafkaSecurityProperties, PLAINTEXT_KAFKA } from './kafka-security';
import { issuesWithOwnClusters } from './own-clusters';
import { clicksSpecWith } from './spec-test-helpers';

const SCRAM = { mechanism: 'SCRAM-SHA-512', username: 'druid-reader', jaasConfigEnv: 'KAFKA_SASL_JAAS_CONFIG' } as const;

describe('kafkaSecurityProperties', () => {
  it('adds nothing for plaintext Kafka', () => {
    expect(kafkaSecurityProperties(PLAINTEXT_KAFKA)).toEqual({});
  });

  it('gives SASL over TLS its protocol, mechanism and a JAAS line from Druid’s environment, never a password', () => {
    const properties = kafkaSecurityProperties({ protocol: 'SASL_SSL', sasl: SCRAM });
    expect(properties).toEqual({
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'SCRAM-SHA-512',
      'druid.dynamic.config.provider': { type: 'environment', variables: { 'sasl.jaas.config': 'KAFKA_SASL_JAAS_CONFIG' } },
    });
    expect(JSON.stringify(properties).toLowerCase()).not.toContain('password');
  });

  it('points TLS at a truststore on Druid’s hosts, its password from the environment when one is named', () => {
    expect(kafkaSecurityProperties({ protocol: 'SSL', truststore: { location: '/etc/druid/kafka.truststore.jks', type: 'JKS', passwordEnv: 'KAFKA_TRUSTSTORE_PASSWORD' } })).toEqual({
      'security.protocol': 'SSL',
      'ssl.truststore.location': '/etc/druid/kafka.truststore.jks',
      'ssl.truststore.type': 'JKS',
      'druid.dynamic.config.provider': { type: 'environment', variables: { 'ssl.truststore.password': 'KAFKA_TRUSTSTORE_PASSWORD' } },
    });
    expect(kafkaSecurityProperties({ protocol: 'SSL', truststore: { location: '/etc/druid/ca.pem', type: 'PEM' } })).toEqual({
      'security.protocol': 'SSL',
      'ssl.truststore.location': '/etc/druid/ca.pem',
      'ssl.truststore.type': 'PEM',
    });
  });

  it('writes SASL without TLS as SASL_PLAINTEXT, one provider for both secrets', () => {
    const properties = kafkaSecurityProperties({ protocol: 'SASL_PLAINTEXT', sasl: { ...SCRAM, mechanism: 'PLAIN' }, truststore: { location: '/t.p12', passwordEnv: 'TS_PW' } });
    expect(properties['druid.dynamic.config.provider']).toEqual({ type: 'environment', variables: { 'sasl.jaas.config': 'KAFKA_SASL_JAAS_CONFIG', 'ssl.truststore.password': 'TS_PW' } });
    expect(properties['sasl.mechanism']).toBe('PLAIN');
  });

  it('passes the own-cluster checks that every submitted spec goes through', () => {
    const spec = clicksSpecWith((s) => Object.assign(s.spec.ioConfig.consumerProperties, kafkaSecurityProperties({ protocol: 'SASL_SSL', sasl: SCRAM })));
    expect(issuesWithOwnClusters(spec, { kafka: ['kafka1:9092', 'kafka2:9092'], schemaRegistries: [] })).toEqual([]);
  });
});

describe('jaasConfigLine', () => {
  it('names the login module of the mechanism and quotes the user name', () => {
    expect(jaasConfigLine(SCRAM, '…')).toBe('org.apache.kafka.common.security.scram.ScramLoginModule required username="druid-reader" password="…";');
    expect(jaasConfigLine({ ...SCRAM, mechanism: 'PLAIN', username: 'a"b\\c' }, 'p')).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="a\\"b\\\\c" password="p";',
    );
  });
});
