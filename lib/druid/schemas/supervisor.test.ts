// The supervisor schemas read Druid 33's answers as Druid writes them (testdata/druid-contract/real):
// default-filled specs with nulls and copies of their sections, and a history whose terminate
// entry carries "type" twice.
import { describe, expect, it } from 'vitest';
import { fixtureJson, fixtureNames, fixtureText } from '../testing/fixtures';
import { SupervisorHistorySchema, SupervisorSpecSchema } from './supervisor';

describe('Druid 33 supervisor answers', () => {
  it('reads a spec echo with nulls, context and the sections beside "spec"', () => {
    const parsed = SupervisorSpecSchema.parse(fixtureJson('real/overlord.supervisor.spec.druid33.response.json'));
    expect(parsed).toMatchObject({ type: 'kafka', context: null, suspended: false, spec: { ioConfig: { topicPattern: null } } });
  });

  it('reads a history with a terminate in it; the repeated "type" keeps its last value', () => {
    const history = SupervisorHistorySchema.parse(fixtureJson('real/overlord.supervisor.history.druid33.response.json'));
    expect(history.map((entry) => entry.spec.type)).toEqual(['kafka', 'noop', 'kafka', 'kafka']);
    expect(history[1].spec).toMatchObject({ id: null, dataSources: ['hlp-clicks'], source: 'noop' });
  });
});

describe.each(fixtureNames('real').filter((name) => /\/overlord\.supervisor\.history\..*\.response\.json$/.test(name)))('%s', (name) => {
  it('parses, each terminate as a "noop" entry', () => {
    const history = SupervisorHistorySchema.parse(fixtureJson(name));
    const tombstones = fixtureText(name).split('"NoopSupervisorSpec"').length - 1;
    expect(history.filter((entry) => entry.spec.type === 'noop')).toHaveLength(tombstones);
  });
});
