// @vitest-environment jsdom
// The idle lock hides all content and clears it from the stores; the right password unlocks.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';
import { useMessageListStore } from '../../stores/message-list-store.js';
import { DEMO_PASSWORD } from '../../testing/demo-data.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

describe('Lock screen', () => {
  it('hides and clears content, refuses a wrong password, unlocks with the right one', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(await screen.findByRole('button', { name: /Lab results for Ada Brown/ }));
    await screen.findByRole('article', { name: 'Lab results for Ada Brown' });

    api.emit('locked', { locked: true });
    expect(await screen.findByRole('heading', { name: 'Practice Messenger is locked' })).toBeTruthy();
    expect(screen.queryByText(/Lab results for Ada Brown/)).toBeNull();
    expect(useMessageListStore.getState().rows).toEqual([]);
    expect(useCurrentMessageStore.getState().thread).toEqual([]);

    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/password is not right/);

    await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('article', { name: 'Lab results for Ada Brown' })).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'unlock')).toHaveLength(2);
  });
});
