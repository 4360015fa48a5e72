// @vitest-environment jsdom
// Reading and answering as in Outlook (issue 14, items 10 and 14): web addresses in a body are links
// (http/https only, opened outside the app), Ctrl+Enter sends a reply, the reply's limit is said, and
// the window title carries the unread count.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRouteStore } from '../../stores/route-store.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

describe('Message habits', () => {
  // First: React says this once per process, so a later test would miss it.
  it('opens a message and its reply box without React warning of a store read that changes every render', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const { user } = await renderApp();
      await openMessages(user);
      useRouteStore.getState().openMessage('m-billing');
      await screen.findByRole('article', { name: 'Billing codes for November' });
      await screen.findByRole('button', { name: 'Reply' });
      expect(errors.mock.calls.map((args) => String(args[0]))).not.toContainEqual(expect.stringMatching(/getSnapshot/));
    } finally {
      errors.mockRestore();
    }
  });

  it('makes web addresses in a body links that open outside the app, and nothing else', async () => {
    const { api } = await renderApp();
    const billing = api.messages.get('m-billing')!;
    billing.message = {
      ...billing.message,
      body: 'Forms: https://forms.example.org/intake?x=1 or www.cdc.gov. Not notes.md, mailto:jo@example.org, javascript:alert(1) or ftp://files.example.org.',
    };
    useRouteStore.getState().openMessage('m-billing');
    const article = await screen.findByRole('article', { name: 'Billing codes for November' });
    const body = article.querySelector('.thread-body') as HTMLElement;
    const links = within(body).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['https://forms.example.org/intake?x=1', 'https://forms.example.org/intake?x=1'],
      ['www.cdc.gov', 'http://www.cdc.gov/'],
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(body.textContent).toContain('Not notes.md, mailto:jo@example.org, javascript:alert(1)');
  });

  it('sends a reply with Ctrl+Enter', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: /Schedule change Friday/ }));
    await screen.findByRole('article', { name: 'Schedule change Friday' });
    await user.type(screen.getByLabelText('Reply to Sam Ortiz'), 'Done.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Reply sent.')).toBeTruthy();
    expect(api.calls).toContainEqual({
      method: 'reply',
      args: { messageId: 'm-schedule', body: 'Done.', attachments: undefined },
    });
  });

  it('says a reply past 100,000 characters is too long instead of sending it', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: /Schedule change Friday/ }));
    await screen.findByRole('article', { name: 'Schedule change Friday' });
    fireEvent.change(screen.getByLabelText('Reply to Sam Ortiz'), { target: { value: 'r'.repeat(100_001) } });
    expect(screen.getByText('100,001 / 100,000 characters')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(api.calls.some((c) => c.method === 'reply')).toBe(false);
  });

  it('shows the unread count of all practices in the window title, like the badge', async () => {
    const { user, api } = await renderApp();
    await waitFor(() => expect(document.title).toBe('Practice Messenger (3 unread)'));
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: /Lab results for Ada Brown/ }));
    await waitFor(() => expect(document.title).toBe('Practice Messenger (2 unread)'));
    await user.click(screen.getByRole('button', { name: /Question about my prescription/ }));
    await waitFor(() => expect(document.title).toBe('Practice Messenger (1 unread)'));
    expect(api.calls.filter((c) => c.method === 'setMessageState')).toHaveLength(2);
  });
});
