// @vitest-environment jsdom
// Keyboard: n / Ctrl+N new message, r reply, f flag, e archive, / search; letters are ignored while typing.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../testing/render-app.js';

async function openBilling(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await openMessages(user);
  await user.click(await screen.findByRole('button', { name: /Billing codes for November/ }));
  return screen.findByRole('article', { name: 'Billing codes for November' });
}

describe('Keyboard shortcuts', () => {
  it('"n" and Ctrl+N open New Message; the shortcut is in the tooltip', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('button', { name: 'New Message' }).title).toMatch(/\(N or (Ctrl|Cmd)\+N\)/);
    await user.keyboard('n');
    expect(await screen.findByRole('form', { name: 'New Message' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('To')));
    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    await screen.findByRole('region', { name: 'To Do' });
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('form', { name: 'New Message' })).toBeTruthy();
  });

  it('"f" flags, "e" archives (the next message opens) and "r" goes to the reply box', async () => {
    const { user, api } = await renderApp();
    await openBilling(user);
    expect(screen.getByRole('button', { name: 'Flag' }).title).toContain('(F)');
    expect(screen.getByRole('button', { name: 'Archive' }).title).toContain('(E)');
    expect(screen.getByRole('button', { name: 'Reply' }).title).toContain('(R)');
    screen.getByRole('button', { name: 'Flag' }).focus();
    await user.keyboard('f');
    expect(await screen.findByRole('button', { name: 'Unflag' })).toBeTruthy();
    await user.keyboard('e');
    expect(await screen.findByRole('article', { name: 'Schedule change Friday' })).toBeTruthy();
    expect(api.messages.get('m-billing')?.state).toMatchObject({ flagged: true, archived: true });
    await user.keyboard('r');
    expect(document.activeElement).toBe(screen.getByLabelText('Reply to Sam Ortiz'));
  });

  it('ignores single-letter shortcuts while typing in a text field', async () => {
    const { user, api } = await renderApp();
    await openBilling(user);
    await user.click(screen.getByLabelText('Reply to Jo Kim'));
    await user.keyboard('fen');
    expect(screen.getByLabelText('Reply to Jo Kim')).toHaveProperty('value', 'fen');
    expect(screen.getByRole('button', { name: 'Flag' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'setMessageState')).toHaveLength(0);
    expect(screen.queryByRole('form', { name: 'New Message' })).toBeNull();
  });

  it('moves through the list with arrow keys and switches tabs with arrows', async () => {
    const { user } = await renderApp();
    const list = await openMessages(user);
    await waitFor(() => expect(list.querySelectorAll('[data-index]').length).toBe(4));
    const first = screen.getByRole('button', { name: /Lab results for Ada Brown/ });
    first.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /Question about my prescription/ })),
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('article', { name: 'Question about my prescription' })).toBeTruthy();
    screen.getByRole('tab', { name: 'Inbox' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('list', { name: 'Archived messages' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Archived' }));
  });
});
