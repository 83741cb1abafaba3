// How Druid's Kafka consumers authenticate, as consumer properties in the specs Tributary writes:
// the same protocol and SASL mechanism as Tributary's own client, the password never in the spec.
// Druid's environment dynamic config provider sets a property from an environment variable of
// the Overlord's and the tasks' hosts; it replaces whole values, so sasl.jaas.config (which holds
// the password) comes whole from a variable. See Druid's operations/dynamic-config-provider.md.
import { z } from 'zod';
import { DYNAMIC_CONFIG_PROVIDER } from './own-clusters';

export const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export const KAFKA_SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

/** What the server tells the wizard about Druid's side of Kafka security: names, never a secret. */
export const kafkaSecurityForDruidSchema = z.object({
  protocol: z.enum(KAFKA_SECURITY_PROTOCOLS),
  sasl: z
    .object({
      mechanism: z.enum(KAFKA_SASL_MECHANISMS),
      username: z.string().min(1),
      /** The environment variable, on Druid's hosts, that holds the whole sasl.jaas.config line. */
      jaasConfigEnv: z.string().min(1),
    })
    .optional(),
  /** A truststore on Druid's hosts (Druid's tasks are Java: JKS or PKCS12, or PEM since Kafka 2.7). */
  truststore: z
    .object({
      location: z.string().min(1),
      type: z.enum(['JKS', 'PKCS12', 'PEM']).optional(),
      /** The environment variable, on Druid's hosts, that holds the truststore's password. */
      passwordEnv: z.string().min(1).optional(),
    })
    .optional(),
});
export type KafkaSecurityForDruid = z.infer<typeof kafkaSecurityForDruidSchema>;

export const PLAINTEXT_KAFKA: KafkaSecurityForDruid = { protocol: 'PLAINTEXT' };

/** The consumer properties that make Druid's consumers connect as Tributary's client does; none for plaintext. */
export function kafkaSecurityProperties(security: KafkaSecurityForDruid): Record<string, unknown> {
  if (security.protocol === 'PLAINTEXT') return {};
  const properties: Record<string, unknown> = { 'security.protocol': security.protocol };
  const variables: Record<string, string> = {};
  if (security.sasl) {
    properties['sasl.mechanism'] = security.sasl.mechanism;
    variables['sasl.jaas.config'] = security.sasl.jaasConfigEnv;
  }
  if (security.truststore) {
    properties['ssl.truststore.location'] = security.truststore.location;
    if (security.truststore.type) properties['ssl.truststore.type'] = security.truststore.type;
    if (security.truststore.passwordEnv) variables['ssl.truststore.password'] = security.truststore.passwordEnv;
  }
  if (Object.keys(variables).length > 0) properties[DYNAMIC_CONFIG_PROVIDER] = { type: 'environment', variables };
  return properties;
}

const LOGIN_MODULES: Readonly<Record<(typeof KAFKA_SASL_MECHANISMS)[number], string>> = {
  PLAIN: 'org.apache.kafka.common.security.plain.PlainLoginModule',
  'SCRAM-SHA-256': 'org.apache.kafka.common.security.scram.ScramLoginModule',
  'SCRAM-SHA-512': 'org.apache.kafka.common.security.scram.ScramLoginModule',
};

const quoted = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** What the JAAS variable on Druid's hosts must hold, with `password` as given (a placeholder when shown). */
export function jaasConfigLine(sasl: NonNullable<KafkaSecurityForDruid['sasl']>, password: string): string {
  return `${LOGIN_MODULES[sasl.mechanism]} required username=${quoted(sasl.username)} password=${quoted(password)};`;
}
