// Bindings to the parts of librdkafka (Debian package librdkafka1) that host its mock
// cluster. The mock cluster speaks the real Kafka protocol on loopback ports, so kafkajs
// and kcat talk to it as they would to any broker.
// API reference: librdkafka's src/rdkafka_mock.h.
import koffi from 'koffi';

export const LIBRDKAFKA_SONAME = 'librdkafka.so.1';
const RD_KAFKA_PRODUCER = 0;
const ERRSTR_SIZE = 512;

type Ptr = unknown;

interface Bindings {
  version(): string;
  confNew(): Ptr;
  confSet(conf: Ptr, name: string, value: string, errstr: Buffer, size: number): number;
  kafkaNew(type: number, conf: Ptr, errstr: Buffer, size: number): Ptr;
  destroy(rk: Ptr): void;
  handleMockCluster(rk: Ptr): Ptr;
  bootstraps(mc: Ptr): string;
  topicCreate(mc: Ptr, topic: string, partitions: number, replicationFactor: number): number;
  brokerSetDown(mc: Ptr, brokerId: number): number;
  brokerSetUp(mc: Ptr, brokerId: number): number;
  brokerSetRtt(mc: Ptr, brokerId: number, rttMs: number): number;
  pushRequestErrorsArray(mc: Ptr, apiKey: number, count: number, errors: number[]): void;
  clearRequestErrors(mc: Ptr, apiKey: number): void;
  partitionSetLeader(mc: Ptr, topic: string, partition: number, brokerId: number): number;
  topicSetError(mc: Ptr, topic: string, err: number): void;
  errToStr(err: number): string;
}

let bindings: Bindings | undefined;

/** Loads librdkafka once; throws a message that says how to install it when it is missing. */
export function librdkafka(): Bindings {
  if (bindings) return bindings;
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(LIBRDKAFKA_SONAME);
  } catch (error) {
    throw new Error(
      `Cannot load ${LIBRDKAFKA_SONAME} (${(error as Error).message}). ` +
        'Install it with: apt-get install -y librdkafka1',
    );
  }
  bindings = {
    version: lib.func('const char* rd_kafka_version_str()'),
    confNew: lib.func('void* rd_kafka_conf_new()'),
    confSet: lib.func('int rd_kafka_conf_set(void*, const char*, const char*, char*, size_t)'),
    kafkaNew: lib.func('void* rd_kafka_new(int, void*, char*, size_t)'),
    destroy: lib.func('void rd_kafka_destroy(void*)'),
    handleMockCluster: lib.func('void* rd_kafka_handle_mock_cluster(void*)'),
    bootstraps: lib.func('const char* rd_kafka_mock_cluster_bootstraps(void*)'),
    topicCreate: lib.func('int rd_kafka_mock_topic_create(void*, const char*, int, int)'),
    brokerSetDown: lib.func('int rd_kafka_mock_broker_set_down(void*, int32_t)'),
    brokerSetUp: lib.func('int rd_kafka_mock_broker_set_up(void*, int32_t)'),
    brokerSetRtt: lib.func('int rd_kafka_mock_broker_set_rtt(void*, int32_t, int)'),
    pushRequestErrorsArray: lib.func('void rd_kafka_mock_push_request_errors_array(void*, int16_t, size_t, int* errors)'),
    clearRequestErrors: lib.func('void rd_kafka_mock_clear_request_errors(void*, int16_t)'),
    partitionSetLeader: lib.func('int rd_kafka_mock_partition_set_leader(void*, const char*, int32_t, int32_t)'),
    topicSetError: lib.func('void rd_kafka_mock_topic_set_error(void*, const char*, int)'),
    errToStr: lib.func('const char* rd_kafka_err2str(int)'),
  } as unknown as Bindings;
  return bindings;
}

export const RD_KAFKA = { PRODUCER: RD_KAFKA_PRODUCER, ERRSTR_SIZE } as const;
