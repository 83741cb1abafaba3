// What the config tests share: the least environment Tributary starts with, and the problems an
// environment it refuses is reported with.
import { expect } from 'vitest';
import { ConfigError, parseConfig } from './config';

export const MINIMAL_ENV = { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: 'http://localhost:8888' };

export function problemsOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the environment to be rejected');
}
