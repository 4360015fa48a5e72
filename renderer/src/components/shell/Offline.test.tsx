// @vitest-environment jsdom
// Offline: a banner, cached mail still readable, sends show as pending, failures show the reason and a retry.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../../testing/render-app.js';

describe('Offline', () => {
  it('shows a banner, keeps mail readable, and marks a send as pending', async () => {
    const { user, api } = await renderApp();
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    api.setOffline(true);
    expect((await screen.findByTestId('offline-banner')).textContent).toMatch(/You are offline/);

    const inbox = await openMessages(user);
    await waitFor(() => expect(within(inbox).getAllByRole('listitem').length).toBe(4));
    await user.click(within(inbox).getByRole('button', { name: /Billing codes for November/ }));
    expect((await screen.findByRole('article', { name: 'Billing codes for November' })).textContent).toContain(
      'The November billing codes',
    );
    await user.type(screen.getByLabelText('Reply to Jo Kim'), 'Thanks!');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Pending: waiting to be delivered')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Sent' }));
    const sent = await screen.findByRole('list', { name: 'Sent messages' });
    await waitFor(() => expect(within(sent).getAllByTestId('delivery-pending')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Outbox: 1 pending' })).toBeTruthy();

    api.setOffline(false);
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull());
  });

  it('shows the server reason for a failed item and retries it', async () => {
    const { user, api } = await renderApp();
    api.outbox.push({
      id: 41,
      kind: 'send',
      description: 'Send "Refill request"',
      status: 'failed',
      error: 'Recipient is no longer a member of this practice.',
      createdAt: '2026-11-26T10:00:00.000Z',
      messageId: 'm-refill',
      cancellable: true,
    });
    api.emit('syncStatus', {
      state: 'online',
      syncedMessages: 7,
      initialSyncDone: true,
      lastError: null,
      pendingOutbox: 1,
    });
    await user.click(await screen.findByRole('button', { name: 'Outbox: 1 not sent' }));
    expect(await screen.findByText('Not sent: Recipient is no longer a member of this practice.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.calls).toContainEqual({ method: 'retryOutboxItem', args: { id: 41 } }));
    expect(await screen.findByText('Pending')).toBeTruthy();
  });

  it('shows initial sync progress until it is done', async () => {
    const { api } = await renderApp();
    api.emit('syncStatus', {
      state: 'syncing',
      syncedMessages: 1234,
      initialSyncDone: false,
      lastError: null,
      pendingOutbox: 0,
    });
    expect(await screen.findByText(/Downloading your messages: 1,234 so far/)).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    api.emit('syncStatus', {
      state: 'online',
      syncedMessages: 5000,
      initialSyncDone: true,
      lastError: null,
      pendingOutbox: 0,
    });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });
});
