// @vitest-environment jsdom
// Settings an administrator manages (issue 13 item 2) show as set by the administrator: fixed ones can't be changed,
// maximums limit the choices, and the sign-in form keeps the policy's server. Start at login and close to tray
// appear in the desktop app only.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render-app.js';

const openSettings = async (user: Awaited<ReturnType<typeof renderApp>>['user']) =>
  user.click(await screen.findByRole('button', { name: 'Message Settings' }));

describe('managed settings', () => {
  it('caps notification content and the idle lock, and says the administrator set them', async () => {
    const { user, api } = await renderApp({
      managedPolicy: { maxNotificationContent: 'sender', maxIdleLockMinutes: 10 },
    });
    await openSettings(user);
    expect(await screen.findByRole('radio', { name: 'Full preview' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: 'Sender only' })).toHaveProperty('disabled', false);
    expect(screen.getByText(/Set by your administrator: at most “Sender only”/)).toBeTruthy();
    expect(screen.getByText(/Set by your administrator: at most 10 minutes/)).toBeTruthy();
    const idle = screen.getByLabelText('Lock after idle (minutes)');
    await user.clear(idle);
    await user.type(idle, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/from 1 to 10/);
    expect(api.calls.some((c) => c.method === 'savePreferences')).toBe(false);
  });

  it('in the desktop app: start at login and close to tray, locked when the administrator set them', async () => {
    const { user, api } = await renderApp({ host: 'electron', managedPolicy: { startAtLogin: true } });
    await openSettings(user);
    const login = await screen.findByRole('checkbox', { name: 'Start at login' });
    expect(login).toHaveProperty('disabled', true);
    expect(login).toHaveProperty('checked', true);
    expect(login.getAttribute('aria-describedby')).toBe('setting-start-at-login-hint');
    expect(screen.getByText('Set by your administrator.')).toBeTruthy();
    const tray = screen.getByRole('checkbox', { name: 'Keep running in the tray when the window closes' });
    expect(tray).toHaveProperty('disabled', false);
    await user.click(tray);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(api.preferences.closeToTray).toBe(false);
  });

  it('in the browser host there is no start at login or tray', async () => {
    const { user } = await renderApp();
    await openSettings(user);
    await screen.findByRole('radio', { name: 'Generic' });
    expect(screen.queryByRole('checkbox', { name: 'Start at login' })).toBeNull();
  });

  it('the sign-in form keeps the server the administrator set', async () => {
    await renderApp({
      signedIn: false,
      defaultServerUrl: 'http://127.0.0.1:4999',
      managedPolicy: { serverUrl: 'https://messages.example-practice.org' },
    });
    const server = await screen.findByLabelText('Server');
    await expect.poll(() => (server as HTMLInputElement).value).toBe('https://messages.example-practice.org');
    expect(server).toHaveProperty('readOnly', true);
    expect(screen.getByText('Set by your administrator.')).toBeTruthy();
  });
});
