import { AlertsPageClient } from '@/components/alerts/alerts-page-client';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Alerts' };

// Alerts: what fires now, what fired before, and the rules and webhooks behind them.
export default function AlertsPage() {
  return (
    <>
      <PageTitle
        title="Alerts"
        subtitle="Checked after every collector round against each supervisor's stored samples: a supervisor not running, time lag, lag rising, no rows while its topic receives messages, parse errors, failing tasks. Each alert fires once and resolves once, on this page and to the webhooks."
      />
      <AlertsPageClient />
    </>
  );
}
