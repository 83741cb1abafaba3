// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/operate/audit-entry';
import { AuditTable } from './audit-table';

afterEach(cleanup);

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-03-01T10:00:00.000Z',
  user: 'ana',
  role: 'operator',
  via: 'session',
  clientAddress: '10.0.0.7',
  action: 'suspend',
  supervisorId: 'clicks',
  specHash: null,
  changes: null,
  druidStatus: 200,
  druidAnswer: "the supervisor's spec, suspended: true",
  durationMs: 412,
  outcome: 'ok',
  detail: null,
  resolvedAt: null,
  ...overrides,
});

describe('AuditTable', () => {
  it('shows who did what to which supervisor and how it ended, coloured by outcome', () => {
    render(
      <AuditTable
        entries={[
          entry({ id: 3, outcome: 'failed', durationMs: 2_500, druidStatus: 404 }),
          entry({ id: 2, outcome: 'unknown', durationMs: null, druidStatus: null, druidAnswer: null }),
          entry({ id: 1, user: null, role: null, via: 'open', outcome: 'refused', clientAddress: null }),
        ]}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Audit trail' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-audit-entry'))).toEqual(['3', '2', '1']);
    expect(rows[0].textContent).toContain('ana · operator');
    expect(rows[0].textContent).toContain('2.5 s');
    expect(screen.getAllByTestId('audit-outcome').map((badge) => [badge.getAttribute('data-outcome'), badge.textContent])).toEqual([
      ['failed', 'failed'],
      ['unknown', 'in progress'],
      ['refused', 'refused'],
    ]);
    expect(rows[2].textContent).toContain('anyone (open access)');
    expect(within(rows[0]).getByRole('link', { name: 'clicks' }).getAttribute('href')).toBe('/supervisors/clicks');
  });

  it('opens a submit to show what it changed, its risks, its spec hash and Druid’s answer', () => {
    const submit = entry({
      action: 'submit',
      specHash: 'ab'.repeat(32),
      druidAnswer: '{"id":"clicks"}',
      changes: {
        submit: 'updated',
        changes: [{ path: 'spec.ioConfig.taskCount', kind: 'changed', from: '1', to: '4' }],
        omitted: 2,
        risks: [{ severity: 'high', title: 'Query granularity gets coarser' }],
      },
    });
    render(<AuditTable entries={[submit]} />);
    expect(screen.getByRole('row', { name: /submit/ }).textContent).toContain('3 changes, 1 risk');
    const details = screen.getByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(details);
    expect(screen.getByRole('list', { name: 'Changes' }).textContent).toBe('spec.ioConfig.taskCount 1 → 4');
    expect(screen.getByText('and 2 more changes')).toBeTruthy();
    expect(screen.getByText('Query granularity gets coarser')).toBeTruthy();
    expect(screen.getByText('ab'.repeat(32))).toBeTruthy();
    expect(screen.getByText('HTTP 200: {"id":"clicks"}')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByRole('list', { name: 'Changes' })).toBeNull();
  });

  it('says an outcome was settled by reading Druid back', () => {
    render(<AuditTable entries={[entry({ druidStatus: null, druidAnswer: 'no answer within 15000 ms', resolvedAt: '2026-03-01T10:00:20.000Z' })]} showSupervisor={false} />);
    expect(screen.getByTestId('audit-outcome').textContent).toBe('ok(read back)');
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('no answer within 15000 ms')).toBeTruthy();
    expect(screen.getByText('2026-03-01 10:00:20 UTC')).toBeTruthy();
  });
});
