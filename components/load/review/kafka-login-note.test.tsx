// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { kafkaSecurityProperties, type KafkaSecurityForDruid } from '@/lib/spec';
import { clicksSpecWith } from '@/lib/spec/spec-test-helpers';
import { KafkaLoginNote } from './kafka-login-note';

const security: KafkaSecurityForDruid = {
  protocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-256', username: 'reader', jaasConfigEnv: 'KAFKA_SASL_JAAS_CONFIG' },
  truststore: { location: '/etc/druid/kafka.jks', passwordEnv: 'KAFKA_TRUSTSTORE_PASSWORD' },
};

afterEach(cleanup);

describe('the Kafka login note', () => {
  it('says which variables Druid’s hosts need and what the JAAS one holds', () => {
    const spec = clicksSpecWith((s) => Object.assign(s.spec.ioConfig.consumerProperties, kafkaSecurityProperties(security)));
    render(<KafkaLoginNote security={security} spec={spec} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Druid logs in to Kafka as reader (SCRAM-SHA-256) with the line in the environment variable KAFKA_SASL_JAAS_CONFIG');
    expect(note.textContent).toContain('org.apache.kafka.common.security.scram.ScramLoginModule required username="reader" password="…";');
    expect(note.textContent).toContain('comes from KAFKA_TRUSTSTORE_PASSWORD');
  });

  it('stays away from a spec that does not use those variables, such as a running one with its own settings', () => {
    const { container } = render(<KafkaLoginNote security={security} spec={clicksSpecWith(() => {})} />);
    expect(container.textContent).toBe('');
  });
});
