// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { recordsFromText } from './pasted-messages';
import { publishSampledRecords, useSampledRecords } from './sampled-records';

afterEach(() => {
  cleanup();
  publishSampledRecords(undefined);
});

function NextStep() {
  const sampled = useSampledRecords();
  return <p>{sampled ? `${sampled.records.length} from ${sampled.source.kind}` : 'nothing sampled'}</p>;
}

it('hands the sampled records to the steps that come next', () => {
  render(<NextStep />);
  expect(screen.getByText('nothing sampled')).toBeTruthy();
  act(() => publishSampledRecords({ source: { kind: 'paste' }, records: recordsFromText('a\nb').records }));
  expect(screen.getByText('2 from paste')).toBeTruthy();
});
