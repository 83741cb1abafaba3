import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { DEFAULT_ALERT_RULES } from '@/lib/operate/alert-rules';
import { checkDraft, draftOf, freshId, problemsOfError } from './rules-draft';

describe('the rules editor draft', () => {
  it('turns back into the same document when nothing was changed', () => {
    expect(checkDraft(draftOf(DEFAULT_ALERT_RULES), [])).toEqual({ document: DEFAULT_ALERT_RULES });
  });

  it('reads supervisors as all or a list, and ignores the threshold of a kind that has none', () => {
    const draft = draftOf(DEFAULT_ALERT_RULES);
    const rules = draft.rules.map((rule, i) => (i === 0 ? { ...rule, threshold: 'x', supervisors: ' clicks ,, prices ' } : i === 1 ? { ...rule, supervisors: '' } : rule));
    const checked = checkDraft({ ...draft, rules }, []);
    expect(checked.document?.rules.slice(0, 2).map((rule) => [rule.threshold, rule.supervisors])).toEqual([
      [0, ['clicks', 'prices']],
      [5, 'all'],
    ]);
  });

  it('names the fields at fault: a number that is not one, a webhook the server would refuse', () => {
    const draft = draftOf({ ...DEFAULT_ALERT_RULES, webhooks: [{ id: 'pager', url: 'https://pager.example.com/x', format: 'json', enabled: true }] });
    const rules = draft.rules.map((rule, i) => (i === 1 ? { ...rule, threshold: '' } : rule));
    expect([...(checkDraft({ ...draft, rules }, ['https://pager.example.com']).problems ?? [])]).toEqual([['rules.1.threshold', 'must be a number']]);
    expect([...(checkDraft(draft, ['https://hooks.slack.com']).problems ?? [])].map(([field]) => field)).toEqual(['webhooks.0.url']);
  });

  it("places a refused save's problems by field", () => {
    const error = new ApiRequestError(400, 'invalid_input', 'bad', { issues: [{ path: 'body.rules.2.forMinutes', message: 'must be 0 or more' }] });
    expect([...problemsOfError(error)]).toEqual([['rules.2.forMinutes', 'must be 0 or more']]);
    expect(problemsOfError(new Error('network')).size).toBe(0);
  });

  it('gives a new rule or webhook an id nothing else has', () => {
    expect(freshId('time-lag', [{ id: 'time-lag' }, { id: 'time-lag-2' }])).toBe('time-lag-3');
    expect(freshId('webhook', [])).toBe('webhook');
  });
});
