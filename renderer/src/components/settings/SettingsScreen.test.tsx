// @vitest-environment jsdom
// Message Settings: Patient Portal and Notifications per practice, privacy and idle lock for the app; Save.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSettingsStore } from '../../stores/settings-store.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

describe('Message Settings', () => {
  // First: React says this once per process, so a later test would miss it.
  it('opens without React warning of a store read that changes every render (Quick text before it loads)', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const { user } = await renderApp();
      await openMessages(user);
      await user.click(screen.getByRole('button', { name: 'Message Settings' }));
      await screen.findByRole('heading', { name: 'Quick text' });
      await screen.findByRole('checkbox', { name: 'Patient Portal' });
      expect(errors.mock.calls.map((args) => String(args[0]))).not.toContainEqual(expect.stringMatching(/getSnapshot/));
    } finally {
      errors.mockRestore();
    }
  });

  it('saves the practice settings and the app preferences', async () => {
    const { user, api } = await renderApp();
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: 'Message Settings' }));
    const portal = await screen.findByRole('checkbox', { name: 'Patient Portal' });
    const email = screen.getByRole('checkbox', { name: 'Notifications' });
    expect(portal).toHaveProperty('checked', true);
    expect(email).toHaveProperty('checked', false);
    await user.click(portal);
    await user.click(email);
    await user.click(screen.getByRole('radio', { name: 'Generic' }));
    const idle = screen.getByLabelText('Lock after idle (minutes)');
    await user.clear(idle);
    await user.type(idle, '5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.settings.get('p1')).toEqual({ portalMessagesInInbox: false, emailNotifications: true });
    expect(api.preferences).toMatchObject({ notificationPrivacy: 'generic', idleLockMinutes: 5 });
  });

  it('follows the practice: hiding portal messages in one practice changes that inbox only', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Message Settings' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Patient Portal' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    await user.click(screen.getByRole('link', { name: 'Messages' }));
    const list = await screen.findByRole('list', { name: 'Inbox messages' });
    await waitFor(() => expect(list.textContent).toContain('Lab results for Ada Brown'));
    expect(list.textContent).not.toContain('Question about my prescription');
    expect(api.settings.get('p2')?.portalMessagesInInbox).toBe(true);

    await user.selectOptions(screen.getByLabelText('Practice'), 'p2');
    await user.click(await screen.findByRole('button', { name: 'Message Settings' }));
    expect(await screen.findByRole('checkbox', { name: 'Patient Portal' })).toHaveProperty('checked', true);
    expect(screen.getByText('Lakeview Pediatrics', { selector: '.screen-header span' })).toBeTruthy();
  });

  it("says when the practice server can't send email alerts, beside Notifications", async () => {
    const { user } = await renderApp({ emailAlerts: false });
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: 'Message Settings' }));
    const email = await screen.findByRole('checkbox', { name: 'Notifications' });
    const notice = await screen.findByText(/This practice server can.t send email alerts: no mail server is set up\./);
    expect(email.getAttribute('aria-describedby')?.split(' ')).toContain(notice.id);
  });

  it('says nothing of the kind when the server can send them', async () => {
    const { user } = await renderApp();
    await openMessages(user);
    await user.click(screen.getByRole('button', { name: 'Message Settings' }));
    await screen.findByRole('checkbox', { name: 'Notifications' });
    await waitFor(() => expect(useSettingsStore.getState().emailAlerts).toBe(true));
    expect(screen.queryByText(/can.t send email alerts/)).toBeNull();
  });

  it('refuses an idle lock outside 0-240 minutes', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Message Settings' }));
    const idle = await screen.findByLabelText('Lock after idle (minutes)');
    await user.clear(idle);
    await user.type(idle, '999');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/0 to 240/);
    expect(api.calls.some((c) => c.method === 'savePreferences')).toBe(false);
  });
});
