// @vitest-environment jsdom
// Sign in: the server is prefilled, and wrong passwords and unreachable servers say so clearly.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ME } from '../../testing/demo-data.js';
import { renderApp } from '../../testing/render-app.js';

describe('Sign in', () => {
  it('prefills the server npm start launched', async () => {
    await renderApp({ signedIn: false, defaultServerUrl: 'http://127.0.0.1:4999' });
    expect(await screen.findByLabelText('Server')).toHaveProperty('value', 'http://127.0.0.1:4999');
  });

  it('shows the wrong-password error and stays on the form', async () => {
    const { user } = await renderApp({ signedIn: false });
    await user.type(await screen.findByLabelText('Email'), ME.email);
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Wrong email or password.');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', '');
  });

  it('says when the server cannot be reached', async () => {
    const { user } = await renderApp({ signedIn: false });
    const server = await screen.findByLabelText('Server');
    await user.clear(server);
    await user.type(server, 'http://unreachable.example');
    await user.type(screen.getByLabelText('Email'), ME.email);
    await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not reach the server/i);
  });

  it('signs in and shows the Dashboard of the first practice', async () => {
    const { user, api } = await renderApp({ signedIn: false });
    await user.type(await screen.findByLabelText('Email'), ME.email);
    await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('region', { name: 'To Do' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'signIn')?.args).toEqual({
      serverUrl: 'http://127.0.0.1:4010',
      email: ME.email,
      password: DEMO_PASSWORD,
    });
  });

  it('says why the app signed out on its own (the session ended), and nothing after a plain sign-out', async () => {
    const { api } = await renderApp({ signedIn: false });
    await screen.findByLabelText('Email');
    expect(screen.queryByRole('status')).toBeNull();
    const signedOut = { syncedMessages: 0, initialSyncDone: false, pendingOutbox: 0, state: 'signedOut' as const };
    act(() => api.emit('syncStatus', { ...signedOut, lastError: 'Your session has ended. Sign in again.' }));
    expect((await screen.findByRole('status')).textContent).toBe('Your session has ended. Sign in again.');
    act(() => api.emit('syncStatus', { ...signedOut, lastError: null }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
