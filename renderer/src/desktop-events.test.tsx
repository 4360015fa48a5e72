// @vitest-environment jsdom
// Host events: showMessage opens a message, unreadCount and changed refresh what is on screen,
// cacheRecovered explains itself; counts follow the current practice; search works on the cache.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from './testing/render-app.js';

describe('Desktop events', () => {
  it('opens the message a notification click names', async () => {
    const { api } = await renderApp();
    api.emit('showMessage', { practiceId: 'p1', messageId: 'm-portal' });
    expect(await screen.findByRole('article', { name: 'Question about my prescription' })).toBeTruthy();
  });

  it('switches practice when the notification is for another one', async () => {
    const { api } = await renderApp();
    api.emit('showMessage', { practiceId: 'p2', messageId: 'm-lakeview' });
    expect(await screen.findByRole('article', { name: 'Vaccine schedule for Emma Fox' })).toBeTruthy();
    expect(screen.getByLabelText('Practice')).toHaveProperty('value', 'p2');
  });

  it('updates the unread count and the list when a message arrives', async () => {
    const { user, api } = await renderApp();
    const list = await openMessages(user);
    const arrived = api.messages.get('m-billing')!;
    arrived.state = { ...arrived.state, read: false };
    api.emit('changed', { practiceIds: ['p1'] });
    api.emit('unreadCount', { total: 4, byPractice: { p1: 3, p2: 1 } });
    expect(await screen.findByLabelText('3 unread messages')).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: /Billing codes for November/ }).closest('li, [role=listitem]')?.textContent,
      ).toContain('Unread.'),
    );
    expect(list).toBeTruthy();
  });

  it('shows the unread count of the current practice', async () => {
    const { user } = await renderApp();
    expect(await screen.findByLabelText('2 unread messages')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Practice'), 'p2');
    expect(await screen.findByLabelText('1 unread message')).toBeTruthy();
    const todo = screen.getByRole('region', { name: 'To Do' });
    await waitFor(() => expect(todo.textContent).toContain('Nothing to do'));
  });

  it('explains a rebuilt cache', async () => {
    const { api } = await renderApp();
    api.emit('cacheRecovered', { reason: 'integrity_check failed', movedTo: '/tmp/x' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/being rebuilt from the server/);
  });

  it('searches cached messages and shows snippets', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'fax{Enter}');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(results.textContent).toContain('Fax machine is fixed'));
    expect(results.querySelector('mark')?.textContent?.toLowerCase()).toBe('fax');
    await user.click(screen.getByRole('button', { name: /Fax machine is fixed/ }));
    expect(await screen.findByRole('article', { name: 'Fax machine is fixed' })).toBeTruthy();
  });
});
