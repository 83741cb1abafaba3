// Types for the parts of kafkajs's protocol layer that Tributary uses to read partitions
// without a consumer group. kafkajs ships no declarations for these modules.
declare module 'kafkajs/src/cluster' {
  import type { ISocketFactory, Logger, SASLOptions, RetryOptions } from 'kafkajs';
  import type { ConnectionOptions } from 'node:tls';

  export interface RawMessage {
    offset: string;
    timestamp: string;
    key: Buffer | null;
    value: Buffer | null;
    headers: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
    isControlRecord?: boolean;
    batchContext?: { timestampType?: number; maxTimestamp?: string };
  }

  export interface RawFetchPartition {
    partition: number;
    errorCode: number;
    highWatermark: string;
    messages: RawMessage[];
  }

  export interface RawBroker {
    fetch(request: {
      replicaId?: number;
      isolationLevel?: number;
      maxWaitTime: number;
      minBytes: number;
      maxBytes: number;
      topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
    }): Promise<{ responses: { topicName: string; partitions: RawFetchPartition[] }[] }>;
    listOffsets(request: {
      replicaId?: number;
      isolationLevel?: number;
      topics: { topic: string; partitions: { partition: number; timestamp: number | string }[] }[];
    }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string; timestamp?: string }[] }[] }>;
    metadata(topics?: string[]): Promise<RawMetadata>;
    /** ListGroups: the groups this broker coordinates. kafkajs throws on a non-zero error code. */
    listGroups(): Promise<{ errorCode: number; groups: { groupId: string; protocolType: string }[] }>;
    describeGroups(request: { groupIds: string[] }): Promise<{
      groups: { errorCode: number; groupId: string; state: string; protocolType: string; protocol: string; members: { memberId: string; clientId: string; clientHost: string }[] }[];
    }>;
    /** OffsetFetch; offset "-1" where the group committed none. kafkajs throws on any error code. */
    offsetFetch(request: { groupId: string; topics: { topic: string; partitions: { partition: number }[] }[] }): Promise<{
      responses: { topic: string; partitions: { partition: number; offset: string; metadata: string | null; errorCode: number }[] }[];
    }>;
    describeConfigs(request: { resources: { type: number; name: string; configNames?: string[] }[]; includeSynonyms?: boolean }): Promise<{
      resources: { errorCode: number; errorMessage?: string | null; resourceName: string; configEntries: { configName: string; configValue: string | null }[] }[];
    }>;
  }

  export interface RawMetadata {
    brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
    controllerId?: number;
    topicMetadata: {
      topicErrorCode: number;
      topic: string;
      isInternal?: boolean;
      partitionMetadata: {
        partitionErrorCode: number;
        partitionId: number;
        leader: number | null;
        replicas: number[];
        isr: number[];
        offlineReplicas?: number[];
      }[];
    }[];
  }

  export default class Cluster {
    constructor(options: {
      logger: Logger;
      socketFactory: ISocketFactory;
      brokers: string[];
      ssl?: ConnectionOptions | boolean;
      sasl?: SASLOptions;
      clientId: string;
      connectionTimeout: number;
      requestTimeout: number;
      enforceRequestTimeout?: boolean;
      retry?: RetryOptions;
      allowAutoTopicCreation?: boolean;
      metadataMaxAge?: number;
    });
    brokerPool: { findConnectedBroker(): Promise<RawBroker>; metadata: RawMetadata | null };
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    refreshMetadata(): Promise<void>;
    findBroker(query: { nodeId: string | number }): Promise<RawBroker>;
  }
}

declare module 'kafkajs/src/network/socketFactory' {
  import type { ISocketFactory } from 'kafkajs';
  const defaultSocketFactory: () => ISocketFactory;
  export default defaultSocketFactory;
}

declare module 'kafkajs/src/loggers' {
  import type { Logger, logCreator, logLevel } from 'kafkajs';
  export function createLogger(options: { level: logLevel; logCreator: logCreator }): Logger;
}

declare module 'kafkajs/src/protocol/requests/describeConfigs' {
  export const versions: string[];
  export function protocol(version: { version: string }): (request: object) => { request: { encode(): Promise<{ buffer: Buffer }> } };
}

declare module 'kafkajs/src/protocol/requests/apiKeys' {
  const apiKeys: { Metadata: number } & Record<string, number>;
  export default apiKeys;
}

declare module 'kafkajs/src/protocol/requests' {
  export const requests: { Metadata: unknown } & Record<string, unknown>;
}

declare module 'kafkajs/src/protocol/error' {
  export function createErrorFromCode(code: number): Error;
}
