import { AlertsResponseSchema } from '@/lib/operate/alert-rules';
import { apiRoute } from '@/lib/server/api';
import { alertsNow } from '@/lib/server/alerts';

export const dynamic = 'force-dynamic';

// GET /api/alerts — the alerts firing now, and the ones that fired before and resolved, newest first.
export const GET = apiRoute({ summary: 'Alerts firing now, and recently resolved ones with when they fired and resolved', response: AlertsResponseSchema }, () => alertsNow());
