// @vitest-environment jsdom
// Message Settings, team workflow: quick-text templates (add, change, delete), urgent re-alert minutes and
// quiet hours.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { renderApp } from '../../testing/render-app.js';

async function openSettings(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Message Settings' }));
  return screen.findByRole('region', { name: 'Quick text' });
}

describe('Quick text templates in Message Settings', () => {
  it('lists, adds, changes and deletes templates', async () => {
    const { user, api } = await renderApp();
    const section = await openSettings(user);
    const list = await within(section).findByRole('list', { name: 'Templates' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(list.textContent).toContain('Appointment reminder');
    await expectNoAxeViolations('settings with templates');

    await user.click(within(section).getByRole('button', { name: 'New template' }));
    await user.type(screen.getByLabelText('Title'), 'Lab results ready');
    await user.type(screen.getByLabelText('Text'), 'Hi {{patient.firstName}, your results are in.');
    await user.click(screen.getByRole('radio', { name: 'Everyone at this practice' }));
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(list.textContent).toContain('Lab results ready'));
    expect(api.calls.find((c) => c.method === 'saveTemplate')?.args).toEqual({
      practiceId: 'p1',
      template: { title: 'Lab results ready', body: 'Hi {patient.firstName}, your results are in.', scope: 'practice' },
      templateId: undefined,
    });

    await user.click(within(section).getByRole('button', { name: 'Edit Called back' }));
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Left a voicemail');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(list.textContent).toContain('Left a voicemail'));
    expect(list.textContent).not.toContain('Called back');

    await user.click(within(section).getByRole('button', { name: 'Delete Appointment reminder' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(list.textContent).not.toContain('Appointment reminder'));
  });

  it('asks for a title and text before saving', async () => {
    const { user, api } = await renderApp();
    const section = await openSettings(user);
    await user.click(within(section).getByRole('button', { name: 'New template' }));
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the template a title.');
    expect(api.calls.some((c) => c.method === 'saveTemplate')).toBe(false);
  });

  it('saves offline: the template shows as pending', async () => {
    const { user, api } = await renderApp();
    const section = await openSettings(user);
    api.setOffline(true);
    await user.click(within(section).getByRole('button', { name: 'New template' }));
    await user.type(screen.getByLabelText('Title'), 'Closed today');
    await user.type(screen.getByLabelText('Text'), 'We are closed today.');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    const list = within(section).getByRole('list', { name: 'Templates' });
    await waitFor(() => expect(list.textContent).toContain('Closed today'));
    const item = within(list)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('Closed today'))!;
    expect(item.textContent).toContain('Pending');
    expect(api.outbox.map((i) => i.kind)).toEqual(['template']);
  });
});

describe('Urgent re-alerts and quiet hours', () => {
  it('saves the re-alert interval and quiet hours with the other preferences', async () => {
    const { user, api } = await renderApp();
    await openSettings(user);
    const realert = screen.getByLabelText('Urgent messages: alert again after (minutes)');
    expect(realert).toHaveProperty('value', '2');
    await user.clear(realert);
    await user.type(realert, '5');
    await user.click(screen.getByRole('checkbox', { name: 'Turn on quiet hours' }));
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '18:30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.preferences).toMatchObject({
      urgentRealertMinutes: 5,
      quietHours: { enabled: true, start: '18:30', end: '07:00' },
    });
  });

  it('refuses a re-alert interval outside 1-60 minutes', async () => {
    const { user, api } = await renderApp();
    await openSettings(user);
    const realert = screen.getByLabelText('Urgent messages: alert again after (minutes)');
    await user.clear(realert);
    await user.type(realert, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('from 1 to 60');
    expect(api.preferences.urgentRealertMinutes).toBe(2);
  });
});
