// @vitest-environment jsdom
// The Messages window: inbox rows and marks, unread count, tabs, open -> read, flag -> To Do, archive -> Archived.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../../testing/render-app.js';

const row = (subject: string) =>
  screen.getAllByTestId('message-row').find((r) => r.textContent?.includes(subject)) ?? null;

describe('Messages', () => {
  it('lists the inbox with sender, subject and marks, and the unread count', async () => {
    const { user } = await renderApp();
    expect(await screen.findByLabelText('2 unread messages')).toBeTruthy();
    const list = await openMessages(user);
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Lab results for Ada Brown'),
      expect.stringContaining('Question about my prescription'),
      expect.stringContaining('Schedule change Friday'),
      expect.stringContaining('Billing codes for November'),
    ]);
    const labs = row('Lab results for Ada Brown')!;
    expect(labs.textContent).toContain('Dr. Morgan Lee');
    expect(labs.textContent).toContain('Unread.');
    expect(labs.textContent).toContain('Has attachments.');
    expect(row('Question about my prescription')!.textContent).toContain('Patient Portal.');
    expect(row('Schedule change Friday')!.textContent).toContain('Flagged.');
    expect(row('Schedule change Friday')!.textContent).not.toContain('Unread.');
    expect(screen.getByLabelText('2 unread messages').textContent).toBe('2');
    // Marks describe a row; they are not part of its name, so "Flag" names only the Flag button.
    const flaggedRow = within(row('Schedule change Friday')!).getByRole('button');
    expect(document.getElementById(flaggedRow.getAttribute('aria-describedby')!)?.textContent).toBe('Flagged.');
    expect(screen.queryByRole('button', { name: /flag/i })).toBeNull();
  });

  it('switches between the Inbox, Archived and Sent tabs', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    expect(screen.getByRole('tablist', { name: 'Folders' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Inbox' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Archived' }));
    const archived = await screen.findByRole('list', { name: 'Archived messages' });
    await waitFor(() => expect(within(archived).getAllByRole('listitem')).toHaveLength(1));
    expect(archived.textContent).toContain('Holiday hours');
    await user.click(screen.getByRole('tab', { name: 'Sent' }));
    const sent = await screen.findByRole('list', { name: 'Sent messages' });
    await waitFor(() => expect(sent.textContent).toContain('Fax machine is fixed'));
    expect(sent.textContent).toContain('To: Dr. Morgan Lee, Sam Ortiz');
    expect(screen.getByRole('tab', { name: 'Sent' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens a message with its thread and links, and marks it read', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Lab results for Ada Brown')!).getByRole('button'));
    const pane = await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
    expect(pane.textContent).toContain('Please call Ada Brown');
    expect(within(pane).getByRole('button', { name: 'Ada Brown' })).toBeTruthy();
    expect(within(pane).getByRole('button', { name: /labs-summary\.txt/ })).toBeTruthy();
    expect(await screen.findByLabelText('1 unread message')).toBeTruthy();
    expect(api.calls).toContainEqual({
      method: 'setMessageState',
      args: { messageId: 'm-labs', patch: { read: true } },
    });
    await waitFor(() => expect(row('Lab results for Ada Brown')!.textContent).not.toContain('Unread.'));
  });

  it('opens a file attachment in a preview from its Blob URL', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Lab results for Ada Brown')!).getByRole('button'));
    const pane = await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
    await user.click(within(pane).getByRole('button', { name: /labs-summary\.txt/ }));
    const dialog = await screen.findByRole('dialog', { name: 'labs-summary.txt' });
    expect(within(dialog).getByTitle('labs-summary.txt').getAttribute('src')).toMatch(/^blob:/);
    expect(api.calls).toContainEqual({
      method: 'getAttachmentContent',
      args: { messageId: 'm-labs', attachmentId: 'a-1' },
    });
    await user.keyboard('f');
    expect(screen.getByRole('button', { name: 'Flag' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(within(pane).getByRole('button', { name: /labs-summary\.txt/ }));
  });

  it('opens an encounter attachment, named with the date as links show it, in its view', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Lab results for Ada Brown')!).getByRole('button'));
    const pane = await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
    // The server names it "Encounter 2026-11-20"; the link beside it says "Nov 20, 2026": one format.
    expect(within(pane).queryByText(/2026-11-20/)).toBeNull();
    await user.click(within(pane).getByRole('button', { name: /Encounter Nov 20, 2026/ }));
    expect(await screen.findByRole('heading', { name: 'Encounter Nov 20, 2026' })).toBeTruthy();
    expect(screen.getByText('Annual physical')).toBeTruthy();
  });

  it('opens the referenced patient from a message', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Lab results for Ada Brown')!).getByRole('button'));
    const pane = await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
    await user.click(within(pane).getByRole('button', { name: 'Ada Brown' }));
    expect(await screen.findByRole('heading', { name: 'Demographics' })).toBeTruthy();
    expect(screen.getByText('MRN-1001')).toBeTruthy();
  });

  it('flags a message onto the To Do list', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Billing codes for November')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Billing codes for November' });
    await user.click(screen.getByRole('button', { name: 'Flag' }));
    expect(await screen.findByRole('button', { name: 'Unflag' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    const todo = await screen.findByRole('region', { name: 'To Do' });
    await waitFor(() => expect(todo.textContent).toContain('Billing codes for November'));
    await user.click(within(todo).getByRole('button', { name: /Billing codes for November/ }));
    expect(await screen.findByRole('article', { name: 'Billing codes for November' })).toBeTruthy();
  });

  it('archives a message: it leaves the Inbox, the next message opens, and it shows under Archived', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Billing codes for November')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Billing codes for November' });
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    // The last row of the Inbox: the one above it opens, as in Outlook.
    expect(await screen.findByRole('article', { name: 'Schedule change Friday' })).toBeTruthy();
    expect(api.messages.get('m-billing')?.state.archived).toBe(true);
    await waitFor(() => expect(row('Billing codes for November')).toBeNull());
    await user.click(screen.getByRole('tab', { name: 'Archived' }));
    const archived = await screen.findByRole('list', { name: 'Archived messages' });
    await waitFor(() => expect(archived.textContent).toContain('Billing codes for November'));
    expect(api.calls.some((c) => c.method.toLowerCase().includes('delete'))).toBe(false);
  });

  it('replies under the message', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Schedule change Friday')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Schedule change Friday' });
    await user.type(screen.getByLabelText('Reply to Sam Ortiz'), 'Moved them to Monday.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(api.calls).toContainEqual({
      method: 'reply',
      args: { messageId: 'm-schedule', body: 'Moved them to Monday.', attachments: undefined },
    });
    const thread = screen.getByRole('list', { name: 'Thread' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(2));
    expect(thread.textContent).toContain('Moved them to Monday.');
  });

  it('replies with a file and a record attached', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Lab results for Ada Brown')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Lab results for Ada Brown' });
    await user.click(screen.getByText('Attach to this reply'));
    await user.upload(screen.getByLabelText('Attach a file'), new File(['x'], 'call-log.txt', { type: 'text/plain' }));
    expect(await screen.findByRole('button', { name: 'Remove call-log.txt' })).toBeTruthy();
    await user.click(screen.getByLabelText('Find a record'));
    await user.click(await screen.findByRole('option', { name: /Ada Brown.*Patient record/ }));
    await user.type(screen.getByLabelText('Reply to Dr. Morgan Lee'), 'Called her.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'reply')?.args).toEqual({
      messageId: 'm-labs',
      body: 'Called her.',
      attachments: [
        { kind: 'file', id: expect.stringMatching(/^staged-/) },
        { kind: 'patient', id: 'pt-ada' },
      ],
    });
    expect(screen.queryByRole('button', { name: 'Remove call-log.txt' })).toBeNull();
  });

  it('never carries a half-written reply over to another message', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Schedule change Friday')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Schedule change Friday' });
    await user.type(screen.getByLabelText('Reply to Sam Ortiz'), 'Sure thing');
    await user.click(within(row('Billing codes for November')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Billing codes for November' });
    expect(screen.getByLabelText('Reply to Jo Kim')).toHaveProperty('value', '');
  });

  it('says a reply to a Patient Portal message goes to the patient', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(within(row('Question about my prescription')!).getByRole('button'));
    await screen.findByRole('article', { name: 'Question about my prescription' });
    const box = screen.getByLabelText('Reply to Carl Diaz');
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('This goes to the patient through the Patient Portal.')).toBeTruthy();
  });
});
