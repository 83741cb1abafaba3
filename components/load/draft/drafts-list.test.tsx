// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftsList, resumeUrl } from './drafts-list';
import { updateDraft } from './draft-store';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the drafts list', () => {
  it('resumes each draft where it was, renames and deletes', () => {
    updateDraft('topic:payments', { name: 'payments', source: { kind: 'kafka', topic: 'payments' } }, { step: 'schema', recordCount: 500 });
    const edit = updateDraft('edit:clicks', { name: 'Edit of clicks', source: { kind: 'edit', supervisorId: 'clicks', topic: 'web-clickstream' } }, {});
    render(<DraftsList />);
    const payments = screen.getByRole('listitem', { name: 'Draft payments' });
    expect(payments.textContent).toContain('topic payments · 500 messages · at “Schema”');
    expect(within(payments).getByRole('link', { name: 'Resume' }).getAttribute('href')).toBe('/load?step=schema&topic=payments');
    expect(resumeUrl(edit)).toBe('/load?step=review&topic=web-clickstream&draft=edit%3Aclicks');

    fireEvent.click(within(payments).getByRole('button', { name: 'Rename' }));
    fireEvent.change(within(payments).getByLabelText('Draft name'), { target: { value: 'Payments by hour' } });
    fireEvent.click(within(payments).getByRole('button', { name: 'Save name' }));
    const renamed = screen.getByRole('listitem', { name: 'Draft Payments by hour' });
    fireEvent.click(within(renamed).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(renamed).getByRole('button', { name: 'Delete for good' }));
    expect(screen.queryByRole('listitem', { name: 'Draft Payments by hour' })).toBeNull();
    expect(screen.getByRole('listitem', { name: 'Draft Edit of clicks' })).toBeTruthy();
  });

  it('shows a draft it cannot open, with the reason and its text to download', async () => {
    localStorage.setItem('tributary.draft.topic:old', JSON.stringify({ version: 9, id: 'topic:old' }));
    // A page opened after the draft was stored.
    vi.resetModules();
    const { DraftsList: FreshList } = await import('./drafts-list');
    render(<FreshList />);
    const row = screen.getByRole('listitem', { name: 'Unreadable draft' });
    expect(row.textContent).toContain('a newer version of Tributary saved it (format 9');
    expect(within(row).getByRole('link', { name: 'Download its text' }).getAttribute('href')).toContain(encodeURIComponent('"version":9'));
  });
});
