// A supervisor's state as a coloured badge: green running, grey suspended, red unhealthy,
// amber on its way somewhere (pending, stopping), blue idle.

export function stateTone(state: string, healthy = true): string {
  if (state.startsWith('UNHEALTHY_') || !healthy) return 'border-rose-200 bg-rose-50 text-rose-800';
  switch (state) {
    case 'RUNNING':
      return 'border-emerald-200 bg-emerald-50 text-emerald-800';
    case 'SUSPENDED':
      return 'border-slate-300 bg-slate-100 text-slate-700';
    case 'IDLE':
      return 'border-sky-200 bg-sky-50 text-sky-800';
    case 'PENDING':
    case 'STOPPING':
      return 'border-amber-200 bg-amber-50 text-amber-800';
    default:
      return 'border-violet-200 bg-violet-50 text-violet-800';
  }
}

export function StateBadge({ state, detailedState, healthy = true }: { state: string; detailedState?: string; healthy?: boolean }) {
  const detail = detailedState && detailedState !== state ? detailedState : undefined;
  return (
    <span
      data-testid="state-badge"
      title={detail ? `${state}: ${detail}` : state}
      className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${stateTone(state, healthy)}`}
    >
      {state}
    </span>
  );
}

export function HealthDot({ healthy }: { healthy: boolean }) {
  return (
    <span className={`inline-flex items-center gap-1 text-xs ${healthy ? 'text-emerald-700' : 'text-rose-700'}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${healthy ? 'bg-emerald-500' : 'bg-rose-500'}`} />
      {healthy ? 'healthy' : 'unhealthy'}
    </span>
  );
}
