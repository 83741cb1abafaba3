import { describe, expect, it } from 'vitest';
import { AlertRulesDocumentSchema, DEFAULT_ALERT_RULES, issueWithWebhookUrl, redactWebhookUrl, ruleCovers, rulesDocumentProblems } from './alert-rules';

const ALLOWED = ['https://hooks.slack.com', 'http://127.0.0.1:9000'];

describe('the rules document', () => {
  it('has defaults that watch every supervisor for each kind, and no webhook', () => {
    expect(AlertRulesDocumentSchema.parse(DEFAULT_ALERT_RULES)).toEqual(DEFAULT_ALERT_RULES);
    expect(DEFAULT_ALERT_RULES.rules.map((rule) => rule.kind)).toEqual(['not-running', 'time-lag', 'lag-rising', 'no-rows', 'parse-errors', 'failing-tasks']);
    expect(DEFAULT_ALERT_RULES.webhooks).toEqual([]);
  });

  it('says where a rule is wrong', () => {
    const result = AlertRulesDocumentSchema.safeParse({
      rules: [
        { ...DEFAULT_ALERT_RULES.rules[0], forMinutes: -1 },
        { ...DEFAULT_ALERT_RULES.rules[1], supervisors: [] },
      ],
      webhooks: [],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['rules.0.forMinutes', 'must be 0 or more'],
      ['rules.1.supervisors', 'must name at least one supervisor, or be "all"'],
    ]);
    const repeated = AlertRulesDocumentSchema.safeParse({ rules: [DEFAULT_ALERT_RULES.rules[0], DEFAULT_ALERT_RULES.rules[0]], webhooks: [] });
    expect(repeated.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['rules.1.id', 'repeats the id "not-running"; each must be unique']]);
  });

  it('covers every supervisor, or the listed ones', () => {
    expect([ruleCovers({ supervisors: 'all' }, 'x'), ruleCovers({ supervisors: ['a'] }, 'a'), ruleCovers({ supervisors: ['a'] }, 'b')]).toEqual([true, true, false]);
  });
});

describe('webhook URLs', () => {
  it('go only to http(s) origins the server allows, and a refusal names the webhook and the variable', () => {
    expect(issueWithWebhookUrl('https://hooks.slack.com/services/T/B/x', ALLOWED)).toBeUndefined();
    expect(issueWithWebhookUrl('http://127.0.0.1:9000/alerts', ALLOWED)).toBeUndefined();
    expect(issueWithWebhookUrl('ftp://hooks.slack.com/x', ALLOWED)).toBe('must be http or https, not ftp');
    expect(issueWithWebhookUrl('hooks.slack.com/x', ALLOWED)).toBe('is not a URL; write it as https://host/path');
    const problems = rulesDocumentProblems({ rules: [], webhooks: [{ id: 'pager', url: 'http://169.254.169.254/latest', format: 'json', enabled: true }] }, ALLOWED);
    expect(problems).toEqual([
      {
        path: 'webhooks.0.url',
        message:
          'Webhook "pager" posts to http://169.254.169.254, which is not among the origins TRIBUTARY_WEBHOOK_ORIGINS allows (it allows https://hooks.slack.com, http://127.0.0.1:9000); add the origin to TRIBUTARY_WEBHOOK_ORIGINS on the server.',
      },
    ]);
    expect(issueWithWebhookUrl('http://127.0.0.1:9000/x', [])).toContain('it is not set, so no webhook may be sent');
  });

  it('show their origin only to those who may not edit them, as a path may hold a token', () => {
    expect(redactWebhookUrl('https://hooks.slack.com/services/T/B/secret')).toBe('https://hooks.slack.com/…');
    expect(redactWebhookUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
  });
});
