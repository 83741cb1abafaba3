'use client';
// The alert rules and webhooks, editable by admins and shown read-only to others. A refused save
// (here or by the server) is shown next to the field at fault, and what was typed stays.
import { useState } from 'react';
import { ALERT_KINDS, ALERT_KIND_INFO, DEFAULT_ALERT_RULES, ORIGINS_VARIABLE, type AlertKind, type AlertRulesResponse } from '@/lib/operate/alert-rules';
import { useSaveAlertRules } from './api';
import { RuleRows, WebhookRows } from './rules-rows';
import { checkDraft, draftOf, freshId, problemsOfError, type FieldProblems, type RulesDraft } from './rules-draft';

export function RulesEditor({ saved, canEdit }: { saved: AlertRulesResponse; canEdit: boolean }) {
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(saved));
  const [problems, setProblems] = useState<FieldProblems>(new Map());
  const [newKind, setNewKind] = useState<AlertKind>('time-lag');
  const save = useSaveAlertRules();
  const origins = saved.webhookOrigins;

  const change = (next: RulesDraft) => {
    setDraft(next);
    save.reset();
  };
  const submit = () => {
    const checked = checkDraft(draft, origins);
    if (checked.problems) return setProblems(checked.problems);
    setProblems(new Map());
    save.mutate(checked.document, { onError: (error) => setProblems(problemsOfError(error)) });
  };
  const addRule = () => {
    const id = freshId(newKind, draft.rules);
    const defaults = DEFAULT_ALERT_RULES.rules.find((rule) => rule.kind === newKind)!;
    change({ ...draft, rules: [...draft.rules, { ...draftOf({ rules: [{ ...defaults, id }], webhooks: [] }).rules[0] }] });
  };
  const addWebhook = () => change({ ...draft, webhooks: [...draft.webhooks, { id: freshId('webhook', draft.webhooks), url: '', format: 'json', enabled: true }] });
  const unplaced = save.error && problems.size === 0 ? save.error.message : undefined;

  return (
    <form
      aria-label="Alert rules"
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset disabled={!canEdit || save.isPending} className="space-y-6">
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">Rules</h3>
          <p className="text-xs text-slate-500">
            A rule fires once its condition has held for its period, and resolves the first time it no longer holds. Supervisors: <code>all</code>, or ids separated by commas.
          </p>
          <RuleRows rules={draft.rules} problems={problems} onChange={(rules) => change({ ...draft, rules })} />
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <label className="sr-only" htmlFor="new-rule-kind">
                Kind of rule to add
              </label>
              <select id="new-rule-kind" value={newKind} onChange={(event) => setNewKind(event.target.value as AlertKind)} className="rounded-md border border-slate-300 px-2 py-1">
                {ALERT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ALERT_KIND_INFO[kind].label}
                  </option>
                ))}
              </select>
              <button type="button" onClick={addRule} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50">
                Add rule
              </button>
            </div>
          )}
        </section>

        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">Webhooks</h3>
          <p data-testid="webhook-origins" className="text-xs text-slate-500">
            {origins.length > 0
              ? `Webhooks may post to ${origins.join(', ')} (${ORIGINS_VARIABLE} on the server).`
              : `No webhook can be sent until ${ORIGINS_VARIABLE} on the server lists the origins they may post to.`}{' '}
            JSON receives {'{ status, rule, supervisor, since, message, url }'}; Slack receives text with a link to the supervisor.
          </p>
          {!saved.webhookUrlsShown && <p className="text-xs text-slate-500">Webhook URLs are shown as their origin only: their path may hold a token.</p>}
          <WebhookRows webhooks={draft.webhooks} problems={problems} onChange={(webhooks) => change({ ...draft, webhooks })} />
          {canEdit && (
            <button type="button" onClick={addWebhook} className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50">
              Add webhook
            </button>
          )}
        </section>
      </fieldset>

      {canEdit && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
            {save.isPending ? 'Saving…' : 'Save rules'}
          </button>
          {problems.size > 0 && (
            <p role="alert" className="text-rose-700">
              Not saved: {problems.size === 1 ? 'one field needs' : `${problems.size} fields need`} a change (marked below each).
            </p>
          )}
          {unplaced && (
            <p role="alert" className="text-rose-700">
              Not saved: {unplaced}
            </p>
          )}
          {save.isSuccess && <p role="status" className="text-emerald-700">Saved. The next collector round uses these rules.</p>}
        </div>
      )}
    </form>
  );
}
