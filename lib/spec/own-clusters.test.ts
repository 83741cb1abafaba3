import { describe, expect, it } from 'vitest';
import { importSpecValue } from './import-spec';
import { issueWithBootstrapServers, issuesWithOwnClusters, type OwnClusters } from './own-clusters';
import { CLICKS_SPEC, clicksSpecWith } from './spec-test-helpers';
import type { SupervisorSpec } from './supervisor-spec';

const OWN: OwnClusters = { kafka: ['kafka1:9092', 'kafka2:9092'], schemaRegistries: ['http://registry:8081'] };
const io = (s: SupervisorSpec) => s.spec.ioConfig;
const withServers = (servers: unknown) => clicksSpecWith((s) => (io(s).consumerProperties = { 'bootstrap.servers': servers }));
const issues = (spec: SupervisorSpec, own: OwnClusters = OWN) => issuesWithOwnClusters(spec, own).map((i) => [i.pathText, i.message]);

describe('issueWithBootstrapServers', () => {
  it('accepts the configured brokers, any of them, in any case and spacing', () => {
    expect(issueWithBootstrapServers(CLICKS_SPEC, OWN.kafka)).toBeUndefined();
    expect(issueWithBootstrapServers(withServers(' KAFKA2:9092 ,'), OWN.kafka)).toBeUndefined();
  });

  it('refuses a broker outside the configuration, naming the field, the broker and what is allowed', () => {
    const issue = issueWithBootstrapServers(withServers('kafka1:9092,127.0.0.1:22'), OWN.kafka);
    expect(issue).toMatchObject({ pathText: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'error' });
    expect(issue!.message).toBe(
      'bootstrap.servers names "127.0.0.1:22", outside the Kafka clusters Tributary is configured for; ' +
        'use kafka1:9092,kafka2:9092 (an admin can allow more Kafka brokers with TRIBUTARY_ALLOWED_KAFKA)',
    );
  });

  it('does not take the same host on another port, nor a prefix or suffix of an allowed one', () => {
    for (const servers of ['kafka1:9093', 'kafka1:90922', 'xkafka1:9092', 'kafka1', 'PLAINTEXT://kafka1:9092']) {
      expect(issueWithBootstrapServers(withServers(servers), OWN.kafka), servers).toBeDefined();
    }
  });

  it('refuses brokers that are not written out, which Tributary cannot check', () => {
    expect(issueWithBootstrapServers(withServers({ type: 'environment', variable: 'BROKERS' }), OWN.kafka)?.message).toMatch(/^bootstrap.servers must be written out as host:port; use kafka1:9092/);
  });
});

describe('issuesWithOwnClusters', () => {
  it('finds nothing in a spec that reads the configured Kafka and registry', () => {
    const spec = clicksSpecWith((s) => {
      io(s).inputFormat = { type: 'kafka', valueFormat: { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://registry:8081/' } } };
      io(s).consumerProperties['druid.dynamic.config.provider'] = { type: 'environment', variables: { 'sasl.jaas.config': 'KAFKA_SASL_JAAS_CONFIG' } };
    });
    expect(issues(spec)).toEqual([]);
  });

  it('refuses a dynamic config provider that would set the brokers or a URL, or whose keys it cannot read', () => {
    const provider = (value: unknown) => clicksSpecWith((s) => (io(s).consumerProperties['druid.dynamic.config.provider'] = value));
    expect(issues(provider({ type: 'environment', variables: { 'bootstrap.servers': 'BROKERS' } }))).toEqual([
      [
        'spec.ioConfig.consumerProperties["druid.dynamic.config.provider"].variables["bootstrap.servers"]',
        'the dynamic config provider may not set bootstrap.servers: write it in consumerProperties itself, where Tributary can check where it points',
      ],
    ]);
    expect(issues(provider({ type: 'mapString', config: { 'sasl.oauthbearer.token.endpoint.url': 'http://10.0.0.5/' } }))[0][0]).toBe(
      'spec.ioConfig.consumerProperties["druid.dynamic.config.provider"].config["sasl.oauthbearer.token.endpoint.url"]',
    );
    expect(issues(provider({ type: 'k8sNodeLabel', labels: {} }))[0][1]).toBe(
      'Tributary cannot tell which consumer properties a "k8sNodeLabel" dynamic config provider sets; use the "environment" provider',
    );
  });

  it('refuses consumer properties that make Kafka clients fetch a URL, and configOverrides', () => {
    const spec = clicksSpecWith((s) => {
      io(s).consumerProperties['sasl.oauthbearer.jwks.endpoint.url'] = 'http://169.254.169.254/';
      io(s).configOverrides = { type: 'custom' };
    });
    expect(issues(spec).map(([path]) => path)).toEqual(['spec.ioConfig.consumerProperties["sasl.oauthbearer.jwks.endpoint.url"]', 'spec.ioConfig.configOverrides']);
  });

  it('refuses a schema registry or descriptor URL other than the configured registry, at any depth', () => {
    const spec = clicksSpecWith((s) => {
      io(s).inputFormat = {
        type: 'kafka',
        keyFormat: { type: 'protobuf', protoBytesDecoder: { type: 'file', descriptor: 'http://10.0.0.5:8080/d.desc', protoMessageType: 'K' } },
        valueFormat: { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', urls: ['http://registry:8081', 'http://registry:8082'] } },
      };
    });
    expect(issues(spec)).toEqual([
      [
        'spec.ioConfig.inputFormat.keyFormat.protoBytesDecoder.descriptor',
        'the protobuf descriptor "http://10.0.0.5:8080/d.desc" is a URL Druid would fetch; put the descriptor file on Druid\'s hosts and name its path',
      ],
      [
        'spec.ioConfig.inputFormat.valueFormat.avroBytesDecoder.urls[1]',
        'the schema registry "http://registry:8082" is not the one Tributary is configured for; use http://registry:8081',
      ],
    ]);
    const fileDescriptor = clicksSpecWith((s) => (io(s).inputFormat = { type: 'protobuf', protoBytesDecoder: { type: 'file', descriptor: 'file:///opt/d.desc', protoMessageType: 'M' } }));
    expect(issues(fileDescriptor)).toEqual([]);
  });

  it('says when no schema registry is configured at all', () => {
    const spec = clicksSpecWith((s) => (io(s).inputFormat = { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://schema-registry:8081' } }));
    expect(issues(spec, { ...OWN, schemaRegistries: [] })[0][1]).toBe(
      'the schema registry "http://schema-registry:8081" is not one Tributary is configured for, and it has none (an admin sets SCHEMA_REGISTRY_URL)',
    );
  });
});

describe('importing with the own clusters known', () => {
  it('reports a foreign broker as an error with its path, and nothing when the clusters are not given', () => {
    const spec = withServers('attacker.example:9092');
    const found = importSpecValue(spec, { ownClusters: OWN }).issues.filter((i) => i.severity === 'error');
    expect(found.map((i) => i.pathText)).toEqual(['spec.ioConfig.consumerProperties["bootstrap.servers"]']);
    expect(importSpecValue(spec).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('checks a legacy spec after its upgrade, the form that would reach Druid', () => {
    const legacy = {
      type: 'kafka',
      dataSchema: {
        dataSource: 'clicks',
        parser: { type: 'string', parseSpec: { format: 'json', timestampSpec: { column: 'ts' }, dimensionsSpec: { dimensions: ['url'] } } },
        granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
      },
      ioConfig: { topic: 'clicks', consumerProperties: { 'bootstrap.servers': '10.1.2.3:9092' }, useEarliestOffset: true },
    };
    const found = importSpecValue(legacy, { ownClusters: OWN }).issues.filter((i) => i.severity === 'error');
    expect(found.map((i) => i.pathText)).toEqual(['spec.ioConfig.consumerProperties["bootstrap.servers"]']);
  });
});
