'use client';
// One row per rule and per webhook in the rules editor, each field with its problem beneath it.
import { ALERT_KIND_INFO, WEBHOOK_FORMATS } from '@/lib/operate/alert-rules';
import type { FieldProblems, RuleDraft, WebhookDraft } from './rules-draft';

const INPUT = 'w-full rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:border-rose-500';
const fieldId = (path: string) => `alert-field-${path.replace(/\./g, '-')}`;

function Problem({ path, problems }: { path: string; problems: FieldProblems }) {
  const message = problems.get(path);
  if (!message) return null;
  return (
    <p id={`${fieldId(path)}-problem`} className="mt-1 text-xs text-rose-700">
      {message}
    </p>
  );
}

/** Props that tie an input to its problem, for assistive technology and the red border. */
const problemProps = (path: string, problems: FieldProblems) =>
  problems.has(path) ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(path)}-problem` } : {};

function replace<T>(list: readonly T[], index: number, next: T): T[] {
  return list.map((item, i) => (i === index ? next : item));
}

export function RuleRows({ rules, problems, onChange }: { rules: readonly RuleDraft[]; problems: FieldProblems; onChange: (rules: RuleDraft[]) => void }) {
  if (rules.length === 0) return <p className="text-sm text-slate-500">No rules: nothing will fire.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">On</th>
            <th className="px-3 py-2">Rule</th>
            <th className="px-3 py-2">Threshold</th>
            <th className="px-3 py-2">For (min)</th>
            <th className="px-3 py-2">Supervisors</th>
            <th className="px-3 py-2">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rules.map((rule, index) => {
            const info = ALERT_KIND_INFO[rule.kind];
            const set = (fields: Partial<RuleDraft>) => onChange(replace(rules, index, { ...rule, ...fields }));
            const path = (field: string) => `rules.${index}.${field}`;
            return (
              <tr key={index} className="align-top">
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={`Rule ${rule.id} enabled`} checked={rule.enabled} onChange={(event) => set({ enabled: event.target.checked })} />
                </td>
                <td className="px-3 py-2">
                  <p className="font-medium text-slate-800">{info.label}</p>
                  <p className="font-mono text-xs text-slate-500">{rule.id}</p>
                  <Problem path={path('id')} problems={problems} />
                </td>
                <td className="w-40 px-3 py-2">
                  {info.unit === null ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <>
                      <div className="flex items-center gap-1">
                        <input
                          id={fieldId(path('threshold'))}
                          inputMode="decimal"
                          aria-label={`Threshold of ${rule.id} (${info.unit})`}
                          title={info.thresholdHelp ?? undefined}
                          value={rule.threshold}
                          onChange={(event) => set({ threshold: event.target.value })}
                          className={INPUT}
                          {...problemProps(path('threshold'), problems)}
                        />
                        <span className="whitespace-nowrap text-xs text-slate-500">{info.unit}</span>
                      </div>
                      <Problem path={path('threshold')} problems={problems} />
                    </>
                  )}
                </td>
                <td className="w-28 px-3 py-2">
                  <input
                    inputMode="decimal"
                    aria-label={`Minutes ${rule.id} must hold`}
                    value={rule.forMinutes}
                    onChange={(event) => set({ forMinutes: event.target.value })}
                    className={INPUT}
                    {...problemProps(path('forMinutes'), problems)}
                  />
                  <Problem path={path('forMinutes')} problems={problems} />
                </td>
                <td className="px-3 py-2">
                  <input
                    aria-label={`Supervisors ${rule.id} watches`}
                    value={rule.supervisors}
                    onChange={(event) => set({ supervisors: event.target.value })}
                    className={INPUT}
                    {...problemProps(path('supervisors'), problems)}
                  />
                  <Problem path={path('supervisors')} problems={problems} />
                </td>
                <td className="px-3 py-2">
                  <button type="button" onClick={() => onChange(rules.filter((_, i) => i !== index))} className="text-xs font-medium text-rose-700 hover:underline disabled:hidden">
                    Remove<span className="sr-only"> rule {rule.id}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function WebhookRows({ webhooks, problems, onChange }: { webhooks: readonly WebhookDraft[]; problems: FieldProblems; onChange: (webhooks: WebhookDraft[]) => void }) {
  if (webhooks.length === 0) return <p className="text-sm text-slate-500">No webhooks: alerts show on this page only.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">On</th>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">URL</th>
            <th className="px-3 py-2">Format</th>
            <th className="px-3 py-2">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {webhooks.map((webhook, index) => {
            const set = (fields: Partial<WebhookDraft>) => onChange(replace(webhooks, index, { ...webhook, ...fields }));
            const path = (field: string) => `webhooks.${index}.${field}`;
            return (
              <tr key={index} className="align-top">
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={`Webhook ${webhook.id} enabled`} checked={webhook.enabled} onChange={(event) => set({ enabled: event.target.checked })} />
                </td>
                <td className="w-40 px-3 py-2">
                  <input aria-label={`Name of webhook ${index + 1}`} value={webhook.id} onChange={(event) => set({ id: event.target.value })} className={INPUT} {...problemProps(path('id'), problems)} />
                  <Problem path={path('id')} problems={problems} />
                </td>
                <td className="min-w-72 px-3 py-2">
                  <input
                    type="url"
                    aria-label={`URL of webhook ${webhook.id}`}
                    placeholder="https://hooks.slack.com/services/…"
                    value={webhook.url}
                    onChange={(event) => set({ url: event.target.value })}
                    className={INPUT}
                    {...problemProps(path('url'), problems)}
                  />
                  <Problem path={path('url')} problems={problems} />
                </td>
                <td className="px-3 py-2">
                  <select aria-label={`Format of webhook ${webhook.id}`} value={webhook.format} onChange={(event) => set({ format: event.target.value as WebhookDraft['format'] })} className={INPUT}>
                    {WEBHOOK_FORMATS.map((format) => (
                      <option key={format} value={format}>
                        {format === 'json' ? 'JSON' : 'Slack'}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-2">
                  <button type="button" onClick={() => onChange(webhooks.filter((_, i) => i !== index))} className="text-xs font-medium text-rose-700 hover:underline disabled:hidden">
                    Remove<span className="sr-only"> webhook {webhook.id}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
