// lib/config's Kafka settings as kafkajs client options (TLS files read here, on the server).
import 'server-only';
import { readFileSync } from 'node:fs';
import type { KafkaConfig as KafkaJsConfig, SASLOptions } from 'kafkajs';
import type { KafkaConfig } from '@/lib/config';

export function kafkaClientOptions(kafka: KafkaConfig): KafkaJsConfig {
  return {
    clientId: kafka.clientId,
    brokers: [...kafka.brokers],
    connectionTimeout: kafka.connectionTimeoutMs,
    requestTimeout: kafka.requestTimeoutMs,
    ssl: kafka.ssl
      ? {
          rejectUnauthorized: kafka.ssl.rejectUnauthorized,
          ca: kafka.ssl.caFile ? [readFileSync(kafka.ssl.caFile, 'utf8')] : undefined,
          cert: kafka.ssl.certFile ? readFileSync(kafka.ssl.certFile, 'utf8') : undefined,
          key: kafka.ssl.keyFile ? readFileSync(kafka.ssl.keyFile, 'utf8') : undefined,
        }
      : false,
    sasl: kafka.sasl ? ({ mechanism: kafka.sasl.mechanism, username: kafka.sasl.username, password: kafka.sasl.password } as SASLOptions) : undefined,
  };
}
