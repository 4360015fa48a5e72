// @vitest-environment jsdom
// The Audit view: only for practice admins; events with names and actions, filters, CSV export, offline notice.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { PRACTICES } from '../../testing/demo-data.js';
import { renderApp } from '../../testing/render-app.js';

describe('Audit view', () => {
  it('lists the practice’s audit events for an admin, oldest first, and is accessible', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Audit' }));
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByTestId('audit-row')).toHaveLength(4));
    const rows = within(table)
      .getAllByTestId('audit-row')
      .map((r) => r.textContent);
    expect(rows[0]).toContain('Signed in');
    expect(rows[2]).toContain('Dr. Morgan Lee');
    expect(rows[2]).toContain('Read a message');
    await expectNoAxeViolations('audit view');
  });

  it('filters by user and action', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Audit' }));
    await screen.findByRole('table');
    await user.selectOptions(await screen.findByLabelText('User'), 'Dr. Morgan Lee');
    await user.selectOptions(screen.getByLabelText('Action'), 'Opened an attachment');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(api.calls.filter((c) => c.method === 'listAuditEvents').at(-1)?.args).toEqual({
      practiceId: 'p1',
      userId: 'u-lee',
      action: 'attachment_downloaded',
      limit: 100,
    });
  });

  it('exports the filtered trail as CSV', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Audit' }));
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'exportAuditCsv')).toBe(true));
    expect(api.calls.find((c) => c.method === 'exportAuditCsv')?.args).toEqual({ practiceId: 'p1' });
  });

  it('says it needs a connection when offline', async () => {
    const { user, api } = await renderApp();
    api.setOffline(true);
    await user.click(screen.getByRole('link', { name: 'Audit' }));
    expect(await screen.findByText(/kept on the practice server/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('appears once the user’s role is known (after sign-in the directory syncs first)', async () => {
    const riverside = PRACTICES[0]!;
    riverside.role = null;
    try {
      const { api } = await renderApp();
      expect(screen.queryByRole('link', { name: 'Audit' })).toBeNull();
      riverside.role = 'admin';
      api.emit('changed', { practiceIds: ['p1'] });
      expect(await screen.findByRole('link', { name: 'Audit' })).toBeTruthy();
    } finally {
      riverside.role = 'admin';
    }
  });

  it('is not offered where the user is not an admin', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('link', { name: 'Audit' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Practice'), 'p2');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Audit' })).toBeNull());
  });
});
