// The app's Kafka client, from the process configuration.
import 'server-only';
import { getConfig } from '@/lib/config';
import { kafkaClient, type KafkaClient } from './client';

export function appKafka(): KafkaClient {
  return kafkaClient(getConfig().kafka);
}
