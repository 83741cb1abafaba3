// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { SupervisorHistorySchema } from '@/lib/druid';
import { fixtureJson } from '@/lib/druid/testing/fixtures';
import { historyWithDiffs } from '@/lib/operate';
import { SpecHistory } from './spec-history';

afterEach(cleanup);

it('shows a terminate in the history as "terminated", and the spec submitted after it as such', () => {
  const history = historyWithDiffs(SupervisorHistorySchema.parse(fixtureJson('real/overlord.supervisor.history.druid33.response.json')));
  render(<SpecHistory history={history} />);
  const entries = screen.getAllByRole('listitem').filter((item) => item.parentElement?.getAttribute('aria-label') === 'Spec history');
  expect(entries.map((entry) => entry.querySelector('summary')?.textContent?.replace(/^.*UTC(current)?/, ''))).toEqual([
    'submitted again after the terminate, no effective change',
    'terminated',
    '1 change',
    'first version',
  ]);
});
