// @vitest-environment jsdom
// The sign-out button says it removes this account's messages from the computer, and asks before
// unsent messages would go with them.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../testing/render-app.js';

describe('Sign out', () => {
  it('says it removes my messages from this computer, and signs out', async () => {
    const { user, api } = await renderApp();
    const button = screen.getByRole('button', { name: 'Sign out and remove my messages from this computer' });
    expect(button.textContent).toMatch(/^Sign out and remove my messages from this computer$/);
    await user.click(button);
    await waitFor(() => expect(api.calls.some((c) => c.method === 'signOut')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks first when unsent messages would be removed, and stays signed in if the answer is no', async () => {
    const { user, api } = await renderApp();
    api.setOffline(true);
    await user.click(screen.getByRole('button', { name: 'New Message' }));
    await user.type(await screen.findByLabelText('To'), 'Jo');
    await user.click(await screen.findByRole('option', { name: /Jo Kim/ }));
    await user.type(screen.getByLabelText('Subject'), 'Unsent');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('button', { name: 'Outbox: 1 pending' });

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    await user.click(screen.getByRole('button', { name: /^Sign out/ }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^1 message or change has not been sent yet/));
    expect(api.calls.some((c) => c.method === 'signOut')).toBe(false);
    confirm.mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: /^Sign out/ }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'signOut')).toBe(true));
  });
});
