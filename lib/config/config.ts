// Environment -> typed, validated configuration. The only reader of process.env.
// Every variable is documented in .env.example.
import { z } from 'zod';
import type { KafkaSecurityForDruid } from '../spec/kafka-security';
import type { AccessConfig } from '../http/access';
import { AccessEnvFields, SECRET_VARIABLES, accessConfig, refineAccess } from './access';
import { DEFAULT_HOSTS } from '../http/hosts';

const MS = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const httpUrl = z
  .string()
  .url({ message: 'must be a URL such as http://localhost:8888' })
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));

const brokerList = z
  .string()
  .min(1, 'must list at least one broker, such as localhost:9092')
  .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
  .refine((list) => list.length > 0, 'must list at least one broker, such as localhost:9092')
  .refine(
    (list) => list.every((b) => /^[^\s:/]+:\d{1,5}$/.test(b) || /^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(b)),
    'each broker must be host:port, separated by commas',
  );

const originList = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
  .refine(
    (list) => list.every((o) => /^https?:\/\/[^\s/]+\/?$/.test(o) && URL.canParse(o)),
    'each entry must be an origin such as https://overlord-2:8281, separated by commas',
  )
  .transform((list) => list.map((o) => new URL(o).origin));

/** host or host:port names, separated by commas; * alone answers any host. */
const hostList = z
  .string()
  .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
  .refine(
    (list) => list.length > 0 && list.every((h) => h === '*' || /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d{1,5})?$/.test(h)),
    'each entry must be a host name or host:port, separated by commas (or * to answer any host)',
  );

/** The name of an environment variable, as Druid's environment dynamic config provider reads it. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name such as KAFKA_SASL_JAAS_CONFIG');

const EnvSchema = z
  .object({
    KAFKA_BROKERS: brokerList,
    KAFKA_CLIENT_ID: z.string().min(1).default('tributary'),
    KAFKA_SSL: bool.default(false),
    KAFKA_SSL_CA_FILE: z.string().optional(),
    KAFKA_SSL_CERT_FILE: z.string().optional(),
    KAFKA_SSL_KEY_FILE: z.string().optional(),
    KAFKA_SSL_REJECT_UNAUTHORIZED: bool.default(true),
    KAFKA_SASL_MECHANISM: z
      .enum(['plain', 'scram-sha-256', 'scram-sha-512'], { message: 'must be plain, scram-sha-256 or scram-sha-512' })
      .optional(),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    KAFKA_CONNECTION_TIMEOUT_MS: MS.default(3000),
    KAFKA_REQUEST_TIMEOUT_MS: MS.default(10_000),
    /** bootstrap.servers as Druid's tasks reach Kafka; differs from KAFKA_BROKERS inside Docker networks. */
    DRUID_KAFKA_BROKERS: brokerList.optional(),
    /** More brokers a spec may name in bootstrap.servers, besides DRUID_KAFKA_BROKERS; any other is refused. */
    TRIBUTARY_ALLOWED_KAFKA: brokerList.optional(),
    /** The environment variable on Druid's hosts holding the whole sasl.jaas.config line for Druid's consumers. */
    DRUID_KAFKA_JAAS_CONFIG_ENV: envName.default('KAFKA_SASL_JAAS_CONFIG'),
    /** A truststore on Druid's hosts for TLS to Kafka; Druid's tasks use the JVM's default trust without one. */
    DRUID_KAFKA_TRUSTSTORE_LOCATION: z.string().optional(),
    DRUID_KAFKA_TRUSTSTORE_TYPE: z.enum(['JKS', 'PKCS12', 'PEM'], { message: 'must be JKS, PKCS12 or PEM' }).optional(),
    DRUID_KAFKA_TRUSTSTORE_PASSWORD_ENV: envName.optional(),

    DRUID_URL: httpUrl.optional(),
    DRUID_OVERLORD_URL: httpUrl.optional(),
    DRUID_BROKER_URL: httpUrl.optional(),
    DRUID_COORDINATOR_URL: httpUrl.optional(),
    DRUID_USER: z.string().optional(),
    DRUID_PASSWORD: z.string().optional(),
    DRUID_TLS_CA_FILE: z.string().optional(),
    DRUID_TLS_REJECT_UNAUTHORIZED: bool.default(true),
    DRUID_TIMEOUT_MS: MS.default(15_000),
    /** Origins besides the Druid URLs above that Druid may redirect Tributary to (an Overlord's or Coordinator's leader). */
    DRUID_ALLOWED_ORIGINS: originList.optional(),

    SCHEMA_REGISTRY_URL: httpUrl.optional(),
    SCHEMA_REGISTRY_USER: z.string().optional(),
    SCHEMA_REGISTRY_PASSWORD: z.string().optional(),

    // Who may do what: TRIBUTARY_AUTH, TRIBUTARY_READ_ONLY and what each mode needs (./access.ts).
    ...AccessEnvFields,
    /** Tributary's own store in PostgreSQL; any number of app instances may share it. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/tributary')
      .optional(),
    /** The embedded SQLite store's file when DATABASE_URL is not set. */
    TRIBUTARY_DB_FILE: z.string().default('.tributary/tributary.db'),
    /** Host names Tributary answers to; any other Host header gets 421 (DNS rebinding). */
    TRIBUTARY_HOSTS: hostList.optional(),
    /** The URL users reach Tributary at (behind a proxy): its host is answered and its origin may act. */
    TRIBUTARY_PUBLIC_URL: httpUrl.optional(),
    /** The largest request body Tributary reads. */
    TRIBUTARY_MAX_BODY_MB: z.coerce.number({ message: 'must be a number of megabytes' }).positive('must be more than 0').max(1024, 'must be at most 1024').default(10),

    // What the collector samples and keeps (./monitoring in .env.example).
    /** Whether this instance takes part in collecting; instances sharing a store take turns under a lease. */
    TRIBUTARY_COLLECT: bool.default(true),
    TRIBUTARY_COLLECT_INTERVAL_S: z.coerce.number({ message: 'must be a number of seconds' }).int('must be a whole number of seconds').min(1, 'must be at least 1').max(3600, 'must be at most 3600').default(15),
    TRIBUTARY_METRICS_RETENTION_DAYS: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(3650, 'must be at most 3650').default(30),
    TRIBUTARY_FRESHNESS_INTERVAL_S: z.coerce.number({ message: 'must be a number of seconds' }).int('must be a whole number of seconds').min(1, 'must be at least 1').max(86_400, 'must be at most 86400').default(60),
    /** Origins alert webhooks may be sent to; a rule naming any other URL is refused. */
    TRIBUTARY_WEBHOOK_ORIGINS: originList.optional(),
  })
  .superRefine((env, ctx) => {
    refineAccess(env, ctx);
    if (!env.DRUID_URL && !(env.DRUID_OVERLORD_URL && env.DRUID_BROKER_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DRUID_URL'],
        message:
          'is not set: set DRUID_URL to a Router (http://host:8888), or DRUID_OVERLORD_URL and DRUID_BROKER_URL',
      });
    }
    if (env.KAFKA_SASL_MECHANISM && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['KAFKA_SASL_USERNAME'],
        message: `and KAFKA_SASL_PASSWORD are required when KAFKA_SASL_MECHANISM is ${env.KAFKA_SASL_MECHANISM}`,
      });
    }
    if (env.DRUID_KAFKA_TRUSTSTORE_LOCATION && !env.KAFKA_SSL) {
      ctx.addIssue({ code: 'custom', path: ['DRUID_KAFKA_TRUSTSTORE_LOCATION'], message: 'is for TLS to Kafka, which KAFKA_SSL does not turn on' });
    }
    if (Boolean(env.DRUID_USER) !== Boolean(env.DRUID_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['DRUID_USER'], message: 'and DRUID_PASSWORD must be set together' });
    }
  });

export type Env = z.input<typeof EnvSchema>;

export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly ssl: false | { readonly caFile?: string; readonly certFile?: string; readonly keyFile?: string; readonly rejectUnauthorized: boolean };
  readonly sasl?: { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly password: string };
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** What goes into a supervisor spec's consumerProperties["bootstrap.servers"]. */
  readonly brokersForDruid: readonly string[];
  /** Every broker a spec may name in bootstrap.servers: brokersForDruid and the admin's extra ones. */
  readonly allowedForDruid: readonly string[];
  /** How Druid's consumers authenticate to Kafka, as the specs Tributary writes say it: no password in it. */
  readonly securityForDruid: KafkaSecurityForDruid;
}

export interface DruidConfig {
  readonly overlordUrl: string;
  readonly brokerUrl: string;
  readonly coordinatorUrl: string;
  /** 'router' when one URL serves every API, else 'split'. */
  readonly layout: 'router' | 'split';
  readonly auth?: { readonly username: string; readonly password: string };
  readonly tls: { readonly caFile?: string; readonly rejectUnauthorized: boolean };
  readonly timeoutMs: number;
  /** Origins besides the three URLs that a leader redirect may lead to; anywhere else is refused. */
  readonly allowedOrigins?: readonly string[];
}

export interface Config {
  readonly kafka: KafkaConfig;
  readonly druid: DruidConfig;
  readonly schemaRegistry?: { readonly url: string; readonly username?: string; readonly password?: string };
  /** Who may do what (TRIBUTARY_AUTH, TRIBUTARY_READ_ONLY). */
  readonly access: AccessConfig;
  /** Where Tributary keeps what is its own (the audit trail): PostgreSQL when configured, else a SQLite file. */
  readonly store: StoreLocation;
  readonly http: HttpConfig;
  readonly monitoring: MonitoringConfig;
}

/** The collector: how often it samples every supervisor, what it keeps, and where alerts may go. */
export interface MonitoringConfig {
  /** False: this instance only reads what others collect. */
  readonly collect: boolean;
  readonly intervalMs: number;
  readonly retentionDays: number;
  /** How often each supervisor's end-to-end freshness is probed. */
  readonly freshnessIntervalMs: number;
  /** Origins (scheme://host:port) that alert webhooks may post to. */
  readonly webhookOrigins: readonly string[];
  /** TRIBUTARY_PUBLIC_URL, for links in alerts (see publicUrlOf). */
  readonly publicUrl?: string;
}

/** What Tributary answers to and how much it reads: lib/http's host check, same-origin check and body limit. */
export interface HttpConfig {
  /** host or host:port entries (host alone: any port); null answers any host. */
  readonly hosts: readonly string[] | null;
  /** TRIBUTARY_PUBLIC_URL's origin, accepted as Tributary's own by the same-origin check. */
  readonly publicOrigin?: string;
  readonly maxBodyBytes: number;
}

export type StoreLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      'Tributary cannot start: its environment is invalid.\n' +
        problems.map((p) => `  ${p.variable} ${p.message}`).join('\n') +
        '\nSee .env.example for every variable.',
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates an environment. Empty strings count as unset. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const message =
          issue.code === 'invalid_type' && present[variable] === undefined ? 'is required' : issue.message;
        return { variable, message: present[variable] !== undefined && !SECRET_VARIABLES.has(variable) ? `${message} (got "${present[variable]}")` : message };
      }),
    );
  }
  const env = parsed.data;
  const router = env.DRUID_URL;
  const overlordUrl = env.DRUID_OVERLORD_URL ?? router!;
  const brokerUrl = env.DRUID_BROKER_URL ?? router!;
  return {
    kafka: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      ssl: env.KAFKA_SSL
        ? {
            caFile: env.KAFKA_SSL_CA_FILE,
            certFile: env.KAFKA_SSL_CERT_FILE,
            keyFile: env.KAFKA_SSL_KEY_FILE,
            rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED,
          }
        : false,
      sasl: env.KAFKA_SASL_MECHANISM
        ? { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME!, password: env.KAFKA_SASL_PASSWORD! }
        : undefined,
      connectionTimeoutMs: env.KAFKA_CONNECTION_TIMEOUT_MS,
      requestTimeoutMs: env.KAFKA_REQUEST_TIMEOUT_MS,
      brokersForDruid: env.DRUID_KAFKA_BROKERS ?? env.KAFKA_BROKERS,
      allowedForDruid: [...new Set([...(env.DRUID_KAFKA_BROKERS ?? env.KAFKA_BROKERS), ...(env.TRIBUTARY_ALLOWED_KAFKA ?? [])])],
      securityForDruid: securityForDruid(env),
    },
    druid: {
      overlordUrl,
      brokerUrl,
      coordinatorUrl: env.DRUID_COORDINATOR_URL ?? router ?? overlordUrl,
      layout: router && !env.DRUID_OVERLORD_URL && !env.DRUID_BROKER_URL ? 'router' : 'split',
      auth: env.DRUID_USER ? { username: env.DRUID_USER, password: env.DRUID_PASSWORD! } : undefined,
      tls: { caFile: env.DRUID_TLS_CA_FILE, rejectUnauthorized: env.DRUID_TLS_REJECT_UNAUTHORIZED },
      timeoutMs: env.DRUID_TIMEOUT_MS,
      allowedOrigins: env.DRUID_ALLOWED_ORIGINS ?? [],
    },
    schemaRegistry: env.SCHEMA_REGISTRY_URL
      ? { url: env.SCHEMA_REGISTRY_URL, username: env.SCHEMA_REGISTRY_USER, password: env.SCHEMA_REGISTRY_PASSWORD }
      : undefined,
    access: accessConfig(env),
    store: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', file: env.TRIBUTARY_DB_FILE },
    http: httpConfig(env.TRIBUTARY_HOSTS, env.TRIBUTARY_PUBLIC_URL, env.TRIBUTARY_MAX_BODY_MB),
    monitoring: {
      collect: env.TRIBUTARY_COLLECT,
      intervalMs: env.TRIBUTARY_COLLECT_INTERVAL_S * 1000,
      retentionDays: env.TRIBUTARY_METRICS_RETENTION_DAYS,
      freshnessIntervalMs: env.TRIBUTARY_FRESHNESS_INTERVAL_S * 1000,
      webhookOrigins: env.TRIBUTARY_WEBHOOK_ORIGINS ?? [],
      publicUrl: env.TRIBUTARY_PUBLIC_URL,
    },
  };
}

function httpConfig(hosts: string[] | undefined, publicUrl: string | undefined, maxBodyMb: number): HttpConfig {
  const listed = hosts ?? [...DEFAULT_HOSTS];
  const publicHost = publicUrl ? new URL(publicUrl).host : undefined;
  return {
    hosts: listed.includes('*') ? null : publicHost ? [...listed, publicHost] : listed,
    publicOrigin: publicUrl ? new URL(publicUrl).origin : undefined,
    maxBodyBytes: Math.round(maxBodyMb * 1024 * 1024),
  };
}

/** Druid's consumers speak to Kafka as Tributary's client does; the password stays in Druid's environment. */
function securityForDruid(env: z.output<typeof EnvSchema>): KafkaSecurityForDruid {
  const sasl = env.KAFKA_SASL_MECHANISM;
  const protocol = sasl ? (env.KAFKA_SSL ? 'SASL_SSL' : 'SASL_PLAINTEXT') : env.KAFKA_SSL ? 'SSL' : 'PLAINTEXT';
  return {
    protocol,
    sasl: sasl
      ? { mechanism: sasl.toUpperCase() as 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512', username: env.KAFKA_SASL_USERNAME!, jaasConfigEnv: env.DRUID_KAFKA_JAAS_CONFIG_ENV }
      : undefined,
    truststore: env.DRUID_KAFKA_TRUSTSTORE_LOCATION
      ? { location: env.DRUID_KAFKA_TRUSTSTORE_LOCATION, type: env.DRUID_KAFKA_TRUSTSTORE_TYPE, passwordEnv: env.DRUID_KAFKA_TRUSTSTORE_PASSWORD_ENV }
      : undefined,
  };
}

/**
 * Tributary's own URL for links it sends away (alerts): TRIBUTARY_PUBLIC_URL, else localhost on the
 * port the server listens on. Read when needed: Next sets PORT only once it listens.
 */
export function publicUrlOf(config: Config): string {
  return config.monitoring.publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

let cached: Config | undefined;

/** The process's configuration, read from process.env on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
