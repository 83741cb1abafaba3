import { AlertRulesDocumentSchema, AlertRulesResponseSchema } from '@/lib/operate/alert-rules';
import { apiRoute } from '@/lib/server/api';
import { alertRulesFor, saveAlertRulesDocument } from '@/lib/server/alerts';

export const dynamic = 'force-dynamic';

// GET /api/alerts/rules — the alert rules and webhooks (defaults until an admin saves some); webhook URLs whole for admins only.
export const GET = apiRoute(
  { summary: 'The alert rules and webhooks; webhook URLs are shown whole to admins only, as they may carry a token', response: AlertRulesResponseSchema },
  ({ identity }) => alertRulesFor(identity),
);

// PUT /api/alerts/rules — replace the rules and webhooks; a webhook to an origin TRIBUTARY_WEBHOOK_ORIGINS does not allow is refused.
export const PUT = apiRoute(
  {
    summary: 'Replace the alert rules and webhooks; webhooks must post to an origin the server allows (TRIBUTARY_WEBHOOK_ORIGINS)',
    body: AlertRulesDocumentSchema,
    role: 'admin',
    what: 'Editing alert rules',
    response: AlertRulesResponseSchema,
  },
  ({ body, identity, clientAddress }) => saveAlertRulesDocument(body, { identity, clientAddress }),
);
