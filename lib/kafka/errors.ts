// Kafka failures in words a user can act on, each with its HTTP meaning for the routes.
import type { ApiErrorInfo, ApiErrorSource } from '@/lib/http';

export type KafkaErrorCode =
  | 'kafka_unreachable'
  | 'kafka_timeout'
  | 'kafka_auth'
  | 'topic_not_found'
  | 'partition_not_found'
  | 'kafka_error';

const STATUS: Record<KafkaErrorCode, number> = {
  kafka_unreachable: 503,
  kafka_timeout: 504,
  kafka_auth: 502,
  topic_not_found: 404,
  partition_not_found: 400,
  kafka_error: 502,
};

export class KafkaError extends Error implements ApiErrorSource {
  constructor(
    readonly code: KafkaErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'KafkaError';
  }

  toApiError(): ApiErrorInfo {
    return { status: STATUS[this.code], code: this.code, message: this.message, details: this.details };
  }
}

interface KafkaJsLike {
  name?: string;
  type?: string;
  message?: string;
  broker?: string;
  cause?: unknown;
}

/** What the connection was configured to do, to tell a wrong setting from a broken broker. */
export interface SecuritySettings {
  readonly sasl?: { readonly mechanism: string };
  readonly ssl: unknown;
}

/** Maps a kafkajs failure (or anything thrown on the way) to a KafkaError that names what failed. */
export function toKafkaError(error: unknown, brokers: readonly string[], doing: string, security?: SecuritySettings): KafkaError {
  if (error instanceof KafkaError) return error;
  const root = rootCause(error);
  const e = (root ?? {}) as KafkaJsLike;
  const where = brokers.join(', ');
  const text = e.message ?? String(root);
  if (security?.sasl && (e.type === 'UNSUPPORTED_VERSION' || e.type === 'UNSUPPORTED_SASL_MECHANISM' || /SASL|requested API version/i.test(text))) {
    return new KafkaError(
      'kafka_auth',
      `Kafka at ${where} did not accept SASL ${security.sasl.mechanism.toUpperCase()} authentication while ${doing}: ${text}. Check KAFKA_SASL_MECHANISM and that the brokers' listener uses SASL (a PLAINTEXT listener does not).`,
    );
  }
  // Node says "Client network socket disconnected before secure TLS connection was established"
  // when a plaintext listener closes on a TLS hello.
  if (security?.ssl && /ECONNRESET|EPROTO|wrong version number|handshake|certificate|self.signed|secure TLS connection/i.test(text)) {
    return new KafkaError(
      'kafka_unreachable',
      `The TLS connection to Kafka at ${where} failed while ${doing}: ${text}. Check KAFKA_SSL (is the listener TLS?) and the KAFKA_SSL_* certificate settings.`,
    );
  }
  if (/^KafkaJS(Connection|ConnectionClosed|BrokerNotFound)Error$|^KafkaJSBrokerNotFound$/.test(e.name ?? '') || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|Connection timeout|Closed connection/i.test(text)) {
    return new KafkaError('kafka_unreachable', `Kafka at ${where} could not be reached while ${doing}: ${text}. Check KAFKA_BROKERS and that the brokers are up.`);
  }
  if (e.name === 'KafkaJSRequestTimeoutError' || /timed? ?out/i.test(text)) {
    return new KafkaError('kafka_timeout', `Kafka at ${where} did not answer in time while ${doing}: ${text}`);
  }
  if (e.name === 'KafkaJSSASLAuthenticationError' || /SASL|authentication/i.test(text)) {
    return new KafkaError('kafka_auth', `Kafka at ${where} refused Tributary's credentials while ${doing}: ${text}. Check the KAFKA_SASL_* settings.`);
  }
  if (e.type === 'TOPIC_AUTHORIZATION_FAILED') {
    return new KafkaError('kafka_auth', `Kafka refused access to the topic while ${doing}: the configured user lacks Describe/Read permission.`);
  }
  return new KafkaError('kafka_error', `Kafka failed while ${doing}: ${text}`);
}

/** kafkajs wraps retried failures (KafkaJSNumberOfRetriesExceeded); the first cause says what happened. */
function rootCause(error: unknown): unknown {
  let current = error as KafkaJsLike | undefined;
  for (let depth = 0; depth < 5 && current?.cause && current.name !== 'KafkaJSConnectionError'; depth++) {
    current = current.cause as KafkaJsLike;
  }
  return current;
}
