// @vitest-environment jsdom
// The Patient Portal queue: filters, oldest waiting first, claim / assign / release / close, take-over asks
// first, replies to someone else's conversation ask first, offline actions show as pending.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { renderApp } from '../../testing/render-app.js';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function openPortal(user: User, tab = 'Unassigned') {
  await user.click(screen.getByRole('link', { name: 'Patient Portal' }));
  if (tab !== 'Unassigned') await user.click(await screen.findByRole('tab', { name: tab }));
  return screen.findByRole('list', { name: `${tab} conversations` });
}

const conversation = (list: HTMLElement, patient: string) =>
  within(list)
    .getAllByRole('button')
    .find((b) => b.textContent?.includes(patient))!;

describe('Patient Portal queue', () => {
  it('lists unassigned conversations with how long the patient has waited, and is accessible', async () => {
    const { user } = await renderApp({ portalQueue: true });
    const list = await openPortal(user);
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(list.textContent).toContain('Carl Diaz');
    expect(list.textContent).toContain('Unassigned');
    expect(list.textContent).toMatch(/Waiting \d+ days?/);
    await user.click(conversation(list, 'Carl Diaz'));
    const bar = await screen.findByRole('region', { name: 'Patient Portal conversation' });
    expect(bar.textContent).toContain('Unassigned');
    await expectNoAxeViolations('portal queue');
  });

  it('orders All open by the longest wait first and shows who answers each', async () => {
    const { user } = await renderApp({ portalQueue: true });
    const list = await openPortal(user, 'All open');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const rows = within(list)
      .getAllByRole('listitem')
      .map((r) => r.textContent);
    // Ada Brown has waited since 09:30, Carl Diaz since 14:05.
    expect(rows[0]).toContain('Refill for blood pressure pills');
    expect(rows[0]).toContain('Dr. Morgan Lee');
    expect(rows[1]).toContain('Question about my prescription');
    const closed = await openPortal(user, 'Closed');
    await waitFor(() => expect(closed.textContent).toContain('Parking at the clinic'));
  });

  it('claims a conversation: it moves from Unassigned to Mine', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user);
    await user.click(conversation(await waitForRow(list, 'Carl Diaz'), 'Carl Diaz'));
    await user.click(await screen.findByRole('button', { name: 'Claim' }));
    expect(api.calls).toContainEqual({
      method: 'claimPortalThread',
      args: { practiceId: 'p1', threadId: 'm-portal' },
    });
    const bar = screen.getByRole('region', { name: 'Patient Portal conversation' });
    await waitFor(() => expect(bar.textContent).toContain('You are answering this patient'));
    await waitFor(() => expect(within(list).queryAllByRole('listitem')).toHaveLength(0));
    const mine = await openPortal(user, 'Mine');
    await waitFor(() => expect(mine.textContent).toContain('Carl Diaz'));
  });

  it('assigns to a colleague, releases and closes', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user);
    await user.click(conversation(await waitForRow(list, 'Carl Diaz'), 'Carl Diaz'));
    await user.click(await screen.findByRole('button', { name: 'Assign to…' }));
    await user.type(screen.getByRole('combobox', { name: 'Assign to' }), 'Sam');
    await user.click(await screen.findByRole('option', { name: /Sam Ortiz/ }));
    const bar = screen.getByRole('region', { name: 'Patient Portal conversation' });
    await waitFor(() => expect(bar.textContent).toContain('Sam Ortiz is answering this patient'));
    expect(api.calls).toContainEqual({
      method: 'assignPortalThread',
      args: { practiceId: 'p1', threadId: 'm-portal', userId: 'u-ortiz' },
    });
    await user.click(within(bar).getByRole('button', { name: 'Release' }));
    await waitFor(() => expect(bar.textContent).toContain('Unassigned'));
    await user.click(within(bar).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(bar.textContent).toContain('Closed'));
    expect(within(bar).queryByRole('button', { name: 'Claim' })).toBeNull();
  });

  it('asks before taking over a conversation someone else answers', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user, 'All open');
    await user.click(conversation(await waitForRow(list, 'Ada Brown'), 'Ada Brown'));
    await user.click(await screen.findByRole('button', { name: 'Take over' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Take over this conversation?' });
    expect(dialog.textContent).toContain('Dr. Morgan Lee is answering Ada Brown');
    await expectNoAxeViolations('take-over dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.calls.some((c) => c.method === 'claimPortalThread')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Take over' }));
    expect(api.calls).toContainEqual({
      method: 'claimPortalThread',
      args: { practiceId: 'p1', threadId: 'm-portal-ada', takeOver: true },
    });
    const bar = screen.getByRole('region', { name: 'Patient Portal conversation' });
    await waitFor(() => expect(bar.textContent).toContain('You are answering this patient'));
  });

  it('a reply to a conversation someone else answers asks first, then takes it over', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user, 'All open');
    await user.click(conversation(await waitForRow(list, 'Ada Brown'), 'Ada Brown'));
    await user.type(await screen.findByLabelText('Reply to Ada Brown'), 'We sent the refill to your pharmacy.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Take over this conversation?' });
    expect(api.calls.some((c) => c.method === 'reply')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Take over and reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'reply')?.args).toMatchObject({ takeOver: true });
  });

  it('a reply to an unassigned conversation claims it without asking', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user);
    await user.click(conversation(await waitForRow(list, 'Carl Diaz'), 'Carl Diaz'));
    await user.type(await screen.findByLabelText('Reply to Carl Diaz'), 'Your refill is ready.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.calls.find((c) => c.method === 'reply')?.args).not.toHaveProperty('takeOver');
    const bar = screen.getByRole('region', { name: 'Patient Portal conversation' });
    await waitFor(() => expect(bar.textContent).toContain('You are answering this patient'));
  });

  it('claims offline: the conversation shows Pending and the outbox holds it', async () => {
    const { user, api } = await renderApp({ portalQueue: true });
    const list = await openPortal(user);
    api.setOffline(true);
    await user.click(conversation(await waitForRow(list, 'Carl Diaz'), 'Carl Diaz'));
    await user.click(await screen.findByRole('button', { name: 'Claim' }));
    const bar = screen.getByRole('region', { name: 'Patient Portal conversation' });
    await waitFor(() => expect(bar.textContent).toContain('Pending'));
    // Opening marked it read (a "state" item); the claim is its own item.
    expect(api.outbox.filter((i) => i.kind === 'portalThread').map((i) => i.description)).toEqual([
      'Claim the Patient Portal conversation with Carl Diaz',
    ]);
  });
});

async function waitForRow(list: HTMLElement, patient: string) {
  await waitFor(() => expect(list.textContent).toContain(patient));
  return list;
}
