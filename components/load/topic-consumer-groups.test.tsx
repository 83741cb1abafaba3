// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TopicConsumerGroups } from '@/lib/kafka/schemas';
import { NO_GROUPS_TEXT, TopicConsumerGroupsView } from './topic-consumer-groups';

afterEach(cleanup);

const groups = (over: Partial<TopicConsumerGroups>): TopicConsumerGroups => ({ groups: [], listed: 0, checked: 0, leftOut: 0, problems: [], ...over });

describe('TopicConsumerGroupsView', () => {
  it('shows each group with state, members, total lag and committed offset and lag per partition', () => {
    render(
      <TopicConsumerGroupsView
        consumerGroups={groups({
          listed: 1,
          checked: 1,
          groups: [
            {
              groupId: 'billing',
              state: 'Stable',
              members: 2,
              totalLag: '9007199254740993',
              partitions: [
                { partition: 0, committedOffset: '4', lag: '9007199254740993' },
                { partition: 1, committedOffset: '1200', lag: '0' },
                { partition: 2, committedOffset: null, lag: null },
              ],
            },
          ],
        })}
      />,
    );
    const row = within(screen.getByText('billing').closest('tr')!);
    expect(row.getByText('Stable')).toBeTruthy();
    expect(row.getByText('2')).toBeTruthy();
    expect(row.getByTestId('total-lag').textContent).toBe('9,007,199,254,740,993');
    expect(row.getByText('0: 4 (lag 9,007,199,254,740,993)')).toBeTruthy();
    expect(row.getByText('1: 1,200 (lag 0)')).toBeTruthy();
    expect(row.getByText('1 partitions without a committed offset')).toBeTruthy();
    expect(screen.queryByText(NO_GROUPS_TEXT)).toBeNull();
  });

  it("says no group reads the topic and that Druid's ingestion tracks its own offsets", () => {
    render(<TopicConsumerGroupsView consumerGroups={groups({ listed: 3, checked: 3 })} />);
    expect(screen.getByText(NO_GROUPS_TEXT)).toBeTruthy();
  });

  it('shows why groups are unknown instead of claiming there are none', () => {
    const problem = "Consumer groups are unknown: Kafka did not list them (the broker refused ListGroups: Tributary's Kafka user lacks Describe permission on the cluster).";
    render(<TopicConsumerGroupsView consumerGroups={groups({ problems: [problem] })} />);
    expect(screen.getByRole('status').textContent).toBe(problem);
    expect(screen.queryByText(NO_GROUPS_TEXT)).toBeNull();
  });

  it('says how many groups were left out, and speaks only of those checked', () => {
    const problem = '30 of 130 consumer groups were left out: Tributary reads the offsets of at most 100 groups per topic, the first by name.';
    render(<TopicConsumerGroupsView consumerGroups={groups({ listed: 130, checked: 100, leftOut: 30, problems: [problem] })} />);
    expect(screen.getByText(problem)).toBeTruthy();
    expect(screen.getByText(/^None of the 100 consumer groups checked has committed offsets on this topic/)).toBeTruthy();
  });

  it('says why state and members are unknown for a group DescribeGroups does not describe', () => {
    const describeError = 'DescribeGroups does not describe groups of the new consumer protocol (KIP-848)';
    render(
      <TopicConsumerGroupsView
        consumerGroups={groups({
          listed: 1,
          checked: 1,
          groups: [{ groupId: 'kip848', state: null, members: null, totalLag: '3', describeError, partitions: [{ partition: 0, committedOffset: '7', lag: '3' }] }],
        })}
      />,
    );
    expect(screen.getByText('unknown')).toBeTruthy();
    expect(screen.getByText(`State and members unknown: ${describeError}.`)).toBeTruthy();
  });
});
