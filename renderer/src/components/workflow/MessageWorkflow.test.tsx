// @vitest-environment jsdom
// On a message: read receipts, urgent marks, Reply / Reply all, forward with attachments, snooze, mute;
// New Message: the Urgent choice.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

const row = (subject: string) =>
  screen.getAllByTestId('message-row').find((r) => r.textContent?.includes(subject)) ?? null;

async function open(user: User, subject: string, tab?: string) {
  await openMessages(user);
  if (tab) await user.click(screen.getByRole('tab', { name: tab }));
  await waitFor(() => expect(row(subject)).not.toBeNull());
  await user.click(within(row(subject)!).getByRole('button'));
  return screen.findByRole('article', { name: subject });
}

describe('Read receipts', () => {
  it('shows who read a message you sent, and who has not yet', async () => {
    const { user } = await renderApp();
    const pane = await open(user, 'Fax machine is fixed', 'Sent');
    const receipts = within(pane).getByTestId('receipts');
    expect(receipts.textContent).toMatch(/^Read by Dr\. Morgan Lee .+ · Not yet read: Sam Ortiz$/);
    expect(within(receipts).getByText(/./, { selector: 'time' }).getAttribute('datetime')).toBe(
      '2026-11-25T11:42:00.000Z',
    );
  });

  it('shows no receipts on messages others sent', async () => {
    const { user } = await renderApp();
    const pane = await open(user, 'Schedule change Friday');
    expect(within(pane).queryByTestId('receipts')).toBeNull();
  });
});

describe('Urgent', () => {
  it('marks an urgent message in the list and in the thread', async () => {
    const { user } = await renderApp();
    const pane = await open(user, 'Lab results for Ada Brown');
    expect(row('Lab results for Ada Brown')!.textContent).toContain('Urgent.');
    expect(row('Schedule change Friday')!.textContent).not.toContain('Urgent');
    expect(within(pane).getByRole('list', { name: 'Thread' }).textContent).toContain('Urgent');
    await expectNoAxeViolations('urgent message with workflow actions');
  });

  it('sends a New Message as urgent when Urgent is checked', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'New Message' })[0]!);
    await user.type(await screen.findByRole('combobox', { name: 'To' }), 'Sam');
    await user.click(await screen.findByRole('option', { name: /Sam Ortiz/ }));
    await user.type(screen.getByLabelText('Subject'), 'Patient fell in the waiting room');
    await user.click(screen.getByRole('checkbox', { name: 'Urgent' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'sendMessage')).toBe(true));
    expect(api.calls.find((c) => c.method === 'sendMessage')?.args).toMatchObject({ priority: 'urgent' });
  });
});

describe('Reply and Reply all', () => {
  it('offers Reply all on a message to several people, and sends to everyone', async () => {
    const { user, api } = await renderApp();
    api.messages.get('m-schedule')!.message.recipients.push({ kind: 'staff', id: 'u-kim', name: 'Jo Kim' });
    await open(user, 'Schedule change Friday');
    expect(screen.getByRole('radio', { name: 'Reply' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Reply all' }));
    const box = screen.getByLabelText('Reply to Sam Ortiz, Jo Kim');
    await user.type(box, 'Thanks both.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'reply')?.args).toMatchObject({ mode: 'all' });
    const sent = [...api.messages.values()].find((s) => s.message.body === 'Thanks both.');
    expect(sent?.message.recipients.map((r) => r.name)).toEqual(['Sam Ortiz', 'Jo Kim']);
  });

  it('offers no choice on a message between two people', async () => {
    const { user } = await renderApp();
    await open(user, 'Billing codes for November');
    expect(screen.queryByRole('radio', { name: 'Reply all' })).toBeNull();
  });
});

describe('Forward', () => {
  it('starts a new message with the text and attachments, which go by their server ids', async () => {
    const { user, api } = await renderApp();
    await open(user, 'Lab results for Ada Brown');
    await user.click(screen.getByRole('button', { name: 'Forward' }));
    expect(await screen.findByLabelText('Subject')).toHaveProperty('value', 'Fwd: Lab results for Ada Brown');
    expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('From: Dr. Morgan Lee');
    expect(screen.getByRole('button', { name: 'Remove labs-summary.txt' })).toBeTruthy();
    await user.type(screen.getByRole('combobox', { name: 'To' }), 'Kim');
    await user.click(await screen.findByRole('option', { name: /Jo Kim/ }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'sendMessage')).toBe(true));
    const args = api.calls.find((c) => c.method === 'sendMessage')?.args as { attachments: unknown[] };
    expect(args.attachments).toEqual([
      { kind: 'file', id: 'a-1', fromMessageId: 'm-labs' },
      { kind: 'encounter', id: 'enc-1' },
    ]);
    expect(api.calls.some((c) => c.method === 'stageFile')).toBe(false);
  });
});

describe('Snooze', () => {
  it('snoozes for an hour: the message leaves the Inbox and waits under Snoozed until unsnoozed', async () => {
    const { user, api } = await renderApp();
    const pane = await open(user, 'Billing codes for November');
    await user.click(within(pane).getByRole('button', { name: 'Snooze' }));
    const before = Date.now();
    await user.click(
      within(screen.getByRole('group', { name: 'Snooze until' })).getByRole('button', { name: '1 hour' }),
    );
    const patch = api.calls.filter((c) => c.method === 'setMessageState').at(-1)?.args as {
      patch: { snoozedUntil: string };
    };
    expect(Date.parse(patch.patch.snoozedUntil) - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(Date.parse(patch.patch.snoozedUntil) - before).toBeLessThan(3_600_000 + 5000);
    expect(await within(pane).findByText(/^Snoozed until/)).toBeTruthy();
    await waitFor(() => expect(row('Billing codes for November')).toBeNull());
    await user.click(screen.getByRole('tab', { name: 'Snoozed' }));
    const snoozed = await screen.findByRole('list', { name: 'Snoozed messages' });
    await waitFor(() => expect(snoozed.textContent).toContain('Billing codes for November'));
    await user.click(within(row('Billing codes for November')!).getByRole('button'));
    const reopened = await screen.findByRole('article', { name: 'Billing codes for November' });
    await user.click(within(reopened).getByRole('button', { name: 'Unsnooze' }));
    await waitFor(() => expect(snoozed.textContent).not.toContain('Billing codes for November'));
  });

  it('snoozes until tomorrow at 8:00 local time', async () => {
    const { user, api } = await renderApp();
    const pane = await open(user, 'Schedule change Friday');
    await user.click(within(pane).getByRole('button', { name: 'Snooze' }));
    await user.click(screen.getByRole('button', { name: 'Tomorrow 8:00' }));
    const { patch } = api.calls.filter((c) => c.method === 'setMessageState').at(-1)?.args as {
      patch: { snoozedUntil: string };
    };
    const until = new Date(patch.snoozedUntil);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect([until.getDate(), until.getHours(), until.getMinutes()]).toEqual([tomorrow.getDate(), 8, 0]);
  });

  it('refuses a date in the past', async () => {
    const { user, api } = await renderApp();
    const pane = await open(user, 'Billing codes for November');
    await user.click(within(pane).getByRole('button', { name: 'Snooze' }));
    await user.type(screen.getByLabelText('A date and time'), '2020-01-01T08:00');
    await user.click(screen.getByRole('button', { name: 'Snooze until then' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Pick a date and time later than now.');
    expect(
      api.calls.some((c) => c.method === 'setMessageState' && 'snoozedUntil' in (c.args as { patch: object }).patch),
    ).toBe(false);
  });
});

describe('Mute', () => {
  it('mutes and unmutes the conversation', async () => {
    const { user, api } = await renderApp();
    const pane = await open(user, 'Schedule change Friday');
    await user.click(within(pane).getByRole('button', { name: 'Mute' }));
    expect(await within(pane).findByRole('button', { name: 'Unmute' })).toBeTruthy();
    expect(api.calls).toContainEqual({
      method: 'setThreadMuted',
      args: { practiceId: 'p1', threadId: 'm-schedule', muted: true },
    });
    await user.click(within(pane).getByRole('button', { name: 'Unmute' }));
    expect(await within(pane).findByRole('button', { name: 'Mute' })).toBeTruthy();
  });
});
