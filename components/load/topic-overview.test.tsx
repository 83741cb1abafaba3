// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopicDetail } from '@/lib/kafka/schemas';
import { TopicOverview } from './topic-overview';

afterEach(cleanup);

const topic = (over: Partial<TopicDetail>): TopicDetail => ({
  name: 'orders',
  internal: false,
  partitionCount: 1,
  replicationFactor: 1,
  messages: '3',
  ratePerSec: null,
  newestTimestamp: null,
  partitions: [],
  problems: [],
  configs: null,
  retention: null,
  consumerGroups: { groups: [], listed: 0, checked: 0, leftOut: 0, problems: [] },
  ...over,
});

const fact = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe('TopicOverview', () => {
  it('shows retention and cleanup policy in words', () => {
    const configs = { 'cleanup.policy': 'compact,delete', 'retention.ms': '-1', 'retention.bytes': '1073741824' };
    render(<TopicOverview topic={topic({ configs, retention: { time: 'forever', size: '1 GiB', cleanupPolicy: 'compact, delete' } })} />);
    expect(fact('Retention')).toBe('forever');
    expect(fact('Retention size')).toBe('1 GiB');
    expect(fact('Cleanup policy')).toBe('compact, delete');
    expect(fact('retention.ms')).toBe('-1');
  });

  it('says why retention is unknown when the broker did not tell', () => {
    render(<TopicOverview topic={topic({ configNote: 'The broker did not answer DescribeConfigs (timeout), so retention and cleanup policy are unknown.' })} />);
    expect(screen.queryByText('Retention')).toBeNull();
    expect(screen.getByText(/so retention and cleanup policy are unknown/)).toBeTruthy();
  });
});
