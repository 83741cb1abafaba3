import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { MINIMAL_ENV, problemsOf } from './testing';

const base = MINIMAL_ENV;

describe('parseConfig', () => {
  it('serves every Druid API from a Router URL', () => {
    const config = parseConfig({ ...base, DRUID_URL: 'http://router:8888/' });
    expect(config.druid).toMatchObject({
      overlordUrl: 'http://router:8888',
      brokerUrl: 'http://router:8888',
      coordinatorUrl: 'http://router:8888',
      layout: 'router',
    });
  });

  it('accepts a separate Overlord and Broker, as the seeds deploy them', () => {
    const config = parseConfig({
      KAFKA_BROKERS: 'hp101:9092, hp102:9092',
      DRUID_OVERLORD_URL: 'http://master:8090',
      DRUID_BROKER_URL: 'http://query:8082',
    });
    expect(config.kafka.brokers).toEqual(['hp101:9092', 'hp102:9092']);
    expect(config.druid).toMatchObject({ overlordUrl: 'http://master:8090', brokerUrl: 'http://query:8082', layout: 'split' });
    expect(config.kafka.brokersForDruid).toEqual(['hp101:9092', 'hp102:9092']);
  });

  it('names a missing Druid location', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'localhost:9092' })).toMatch(/DRUID_URL is not set/);
  });

  it('names the variable that is malformed and shows its value', () => {
    const message = problemsOf({ ...base, KAFKA_BROKERS: 'localhost' });
    expect(message).toContain('KAFKA_BROKERS each broker must be host:port');
    expect(message).toContain('(got "localhost")');
    expect(problemsOf({ ...base, DRUID_TIMEOUT_MS: 'soon' })).toContain('DRUID_TIMEOUT_MS');
  });

  it('requires credentials with a SASL mechanism', () => {
    expect(problemsOf({ ...base, KAFKA_SASL_MECHANISM: 'plain' })).toContain('KAFKA_SASL_USERNAME');
    const config = parseConfig({ ...base, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(config.kafka.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
  });

  it('reads the extra origins a Druid leader may redirect to, as origins', () => {
    const config = parseConfig({ ...base, DRUID_ALLOWED_ORIGINS: 'https://Overlord-2:8281/, http://overlord-3:8090' });
    expect(config.druid.allowedOrigins).toEqual(['https://overlord-2:8281', 'http://overlord-3:8090']);
    expect(parseConfig(base).druid.allowedOrigins).toEqual([]);
    expect(problemsOf({ ...base, DRUID_ALLOWED_ORIGINS: 'http://overlord-2:8090/druid' })).toContain('DRUID_ALLOWED_ORIGINS each entry must be an origin');
  });

  it('allows specs the brokers Druid reaches and the extra ones the admin lists', () => {
    expect(parseConfig(base).kafka.allowedForDruid).toEqual(['localhost:9092']);
    const config = parseConfig({ ...base, DRUID_KAFKA_BROKERS: 'broker:19092', TRIBUTARY_ALLOWED_KAFKA: 'kafka-eu:9092, broker:19092' });
    expect(config.kafka.allowedForDruid).toEqual(['broker:19092', 'kafka-eu:9092']);
    expect(problemsOf({ ...base, TRIBUTARY_ALLOWED_KAFKA: 'kafka-eu' })).toContain('TRIBUTARY_ALLOWED_KAFKA each broker must be host:port');
  });

  it('tells Druid to reach Kafka as Tributary does, the password left in Druid’s environment', () => {
    expect(parseConfig(base).kafka.securityForDruid).toEqual({ protocol: 'PLAINTEXT' });
    const sasl = { ...base, KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'reader', KAFKA_SASL_PASSWORD: 'kafka-secret' };
    expect(parseConfig(sasl).kafka.securityForDruid).toEqual({
      protocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-256', username: 'reader', jaasConfigEnv: 'KAFKA_SASL_JAAS_CONFIG' },
    });
    const named = parseConfig({ ...sasl, KAFKA_SSL: 'false', DRUID_KAFKA_JAAS_CONFIG_ENV: 'DRUID_KAFKA_JAAS' }).kafka.securityForDruid;
    expect(named).toMatchObject({ protocol: 'SASL_PLAINTEXT', sasl: { jaasConfigEnv: 'DRUID_KAFKA_JAAS' } });
    expect(JSON.stringify(parseConfig(sasl).kafka.securityForDruid)).not.toContain('kafka-secret');
    const tls = { ...base, KAFKA_SSL: 'true', DRUID_KAFKA_TRUSTSTORE_LOCATION: '/etc/druid/kafka.p12', DRUID_KAFKA_TRUSTSTORE_TYPE: 'PKCS12', DRUID_KAFKA_TRUSTSTORE_PASSWORD_ENV: 'TS_PASSWORD' };
    expect(parseConfig(tls).kafka.securityForDruid).toEqual({ protocol: 'SSL', truststore: { location: '/etc/druid/kafka.p12', type: 'PKCS12', passwordEnv: 'TS_PASSWORD' } });
    expect(problemsOf({ ...tls, KAFKA_SSL: 'false' })).toContain('DRUID_KAFKA_TRUSTSTORE_LOCATION is for TLS to Kafka');
    expect(problemsOf({ ...tls, DRUID_KAFKA_TRUSTSTORE_TYPE: 'pem-ish' })).toContain('DRUID_KAFKA_TRUSTSTORE_TYPE must be JKS, PKCS12 or PEM');
    expect(problemsOf({ ...sasl, DRUID_KAFKA_JAAS_CONFIG_ENV: 'not a name' })).toContain('DRUID_KAFKA_JAAS_CONFIG_ENV must be an environment variable name');
  });

  it('treats empty variables as unset', () => {
    const config = parseConfig({ ...base, DRUID_USER: '', DRUID_PASSWORD: '', KAFKA_SSL: '' });
    expect(config.druid.auth).toBeUndefined();
    expect(config.kafka.ssl).toBe(false);
  });

  it('answers loopback names by default, the listed ones when told, and reads the body limit in MB', () => {
    expect(parseConfig(base).http).toEqual({ hosts: ['localhost', '127.0.0.1', '[::1]'], publicOrigin: undefined, maxBodyBytes: 10 * 1024 * 1024 });
    const behindProxy = parseConfig({ ...base, TRIBUTARY_HOSTS: 'Tributary.internal:3000, localhost', TRIBUTARY_PUBLIC_URL: 'https://tributary.example.com/', TRIBUTARY_MAX_BODY_MB: '2' }).http;
    expect(behindProxy).toEqual({ hosts: ['tributary.internal:3000', 'localhost', 'tributary.example.com'], publicOrigin: 'https://tributary.example.com', maxBodyBytes: 2 * 1024 * 1024 });
    expect(parseConfig({ ...base, TRIBUTARY_HOSTS: '*' }).http.hosts).toBeNull();
    expect(problemsOf({ ...base, TRIBUTARY_HOSTS: 'http://tributary.example.com' })).toContain('TRIBUTARY_HOSTS each entry must be a host name or host:port');
    expect(problemsOf({ ...base, TRIBUTARY_MAX_BODY_MB: 'ten' })).toContain('TRIBUTARY_MAX_BODY_MB must be a number of megabytes');
  });

  it('keeps its own store in a SQLite file by default, in PostgreSQL when DATABASE_URL is set', () => {
    expect(parseConfig(base).store).toEqual({ kind: 'sqlite', file: '.tributary/tributary.db' });
    expect(parseConfig({ ...base, TRIBUTARY_DB_FILE: '/var/lib/tributary/store.db' }).store).toEqual({ kind: 'sqlite', file: '/var/lib/tributary/store.db' });
    expect(parseConfig({ ...base, DATABASE_URL: 'postgres://tributary@db:5432/tributary' }).store).toEqual({ kind: 'postgres', url: 'postgres://tributary@db:5432/tributary' });
    expect(problemsOf({ ...base, DATABASE_URL: 'mysql://db/tributary' })).toContain('DATABASE_URL must be a PostgreSQL URL');
    // The URL may hold the store's password: a bad one is named, never shown.
    expect(problemsOf({ ...base, DATABASE_URL: 'mysql://tributary:s3cret@db/tributary' })).not.toContain('s3cret');
  });
});
