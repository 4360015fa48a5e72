// @vitest-environment jsdom
// The Outbox (issue 14, item 8): it counts what the user sent (not their read/flag changes), names each item
// by its message, and a send still waiting can be cancelled; a refusal from the engine is shown as it says.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DesktopCallError } from '../../api/web-socket-client.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

type Harness = Awaited<ReturnType<typeof renderApp>>;

/** Offline: open an unread message (a "mark read" change is queued) and reply to it (a send is queued). */
async function replyOffline(h: Harness) {
  h.api.setOffline(true);
  await openMessages(h.user);
  await h.user.click(screen.getByRole('button', { name: /Lab results for Ada Brown/ }));
  await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
  await h.user.type(screen.getByLabelText('Reply to Dr. Morgan Lee'), 'Called her.');
  await h.user.click(screen.getByRole('button', { name: 'Reply' }));
  await screen.findByText('Reply sent.');
}

describe('Outbox', () => {
  it('counts only what was sent, names it, and lists other changes apart', async () => {
    const h = await renderApp();
    await replyOffline(h);
    await waitFor(() => expect(h.api.outbox.map((i) => i.kind).sort()).toEqual(['send', 'state']));
    await h.user.click(await screen.findByRole('button', { name: 'Outbox: 1 pending' }));
    const sends = await screen.findByRole('list', { name: 'Messages waiting to be sent' });
    expect(
      within(sends)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual(['Reply to “Lab results for Ada Brown”']);
    const others = screen.getByRole('region', { name: 'Other changes to send' });
    expect(others.textContent).toContain('Update “Lab results for Ada Brown”');
    expect(within(others).queryByRole('button', { name: /Cancel/ })).toBeNull();
  });

  it('cancels a send that is still waiting: it leaves the outbox and the thread', async () => {
    const h = await renderApp();
    await replyOffline(h);
    await h.user.click(await screen.findByRole('button', { name: 'Outbox: 1 pending' }));
    const item = h.api.outbox.find((i) => i.kind === 'send');
    await h.user.click(await screen.findByRole('button', { name: 'Cancel Reply to “Lab results for Ada Brown”' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Messages waiting to be sent' }).children).toHaveLength(0),
    );
    expect(h.api.calls).toContainEqual({
      method: 'cancelOutboxItem',
      args: { id: item?.id, messageId: item?.messageId },
    });
    expect(screen.getByText('Every message you sent has been delivered.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Outbox/ })).toBeNull();
    await h.user.click(screen.getByRole('button', { name: 'Previous screen' }));
    const thread = await screen.findByRole('list', { name: 'Thread' });
    await waitFor(() => expect(thread.textContent).not.toContain('Called her.'));
  });

  it('says why when the engine refuses to cancel (the message is already on its way)', async () => {
    const h = await renderApp();
    await replyOffline(h);
    h.api.cancelOutboxItem = async () => {
      throw new DesktopCallError(
        'too_late',
        'This message is already on its way to the practice server, so it can no longer be cancelled. It will be delivered.',
      );
    };
    await h.user.click(await screen.findByRole('button', { name: 'Outbox: 1 pending' }));
    await h.user.click(await screen.findByRole('button', { name: /^Cancel Reply to/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /can no longer be cancelled\. It will be delivered\./,
    );
    expect(
      within(screen.getByRole('list', { name: 'Messages waiting to be sent' })).getAllByRole('listitem'),
    ).toHaveLength(1);
  });
});
