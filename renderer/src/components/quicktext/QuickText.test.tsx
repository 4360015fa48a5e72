// @vitest-environment jsdom
// Quick text: ";" and a title in a reply or New Message inserts a template with its placeholders filled;
// the Quick text button and Ctrl+Shift+Space find one by title; unknown placeholders stay as typed.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../lib/fill-template.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { openMessages, renderApp } from '../../testing/render-app.js';

const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date());

async function openPortalMessage(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await openMessages(user);
  const row = screen.getAllByTestId('message-row').find((r) => r.textContent?.includes('Question about my'))!;
  await user.click(within(row).getByRole('button'));
  return screen.findByLabelText('Reply to Carl Diaz');
}

describe('fillTemplate', () => {
  const ctx = {
    patient: { name: 'Carl  Diaz' },
    me: { name: 'Dana Front' },
    practice: { name: 'Riverside Family Practice' },
    today: new Date('2026-12-01T12:00:00Z'),
  };
  it('fills every placeholder it knows', () => {
    expect(fillTemplate('{patient.firstName} / {patient.name} / {me.name} / {practice.name}', ctx)).toBe(
      'Carl / Carl  Diaz / Dana Front / Riverside Family Practice',
    );
    expect(fillTemplate('{today}', ctx)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(ctx.today),
    );
  });
  it('leaves unknown placeholders, and ones with nothing to fill them, as typed', () => {
    expect(fillTemplate('{patient.dob} {unknown} {patient.name}', { ...ctx, patient: null })).toBe(
      '{patient.dob} {unknown} {patient.name}',
    );
  });
});

describe('Quick text', () => {
  it('inserts a template after ";" and its title, filled for this patient, with Enter', async () => {
    const { user } = await renderApp();
    const box = await openPortalMessage(user);
    await user.type(box, 'Hello. ;appo');
    const list = await screen.findByRole('listbox', { name: 'Quick text suggestions' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Appointment reminderPractice']);
    await expectNoAxeViolations('quick text suggestions');
    await user.keyboard('{Enter}');
    expect((box as HTMLTextAreaElement).value).toBe(
      'Hello. Hi Carl, this is Dana Front from Riverside Family Practice. A reminder of your appointment; call us if you need to change it.',
    );
    expect(screen.queryByRole('listbox', { name: 'Quick text suggestions' })).toBeNull();
  });

  it('does not trigger on a semicolon inside a sentence, and Escape dismisses the list', async () => {
    const { user } = await renderApp();
    const box = await openPortalMessage(user);
    await user.type(box, 'fine;ca');
    expect(screen.queryByRole('listbox', { name: 'Quick text suggestions' })).toBeNull();
    await user.type(box, ' ;');
    expect(await screen.findByRole('listbox', { name: 'Quick text suggestions' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Quick text suggestions' })).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('fine;ca ;');
  });

  it('finds a template from the Quick text button and inserts it at the caret', async () => {
    const { user } = await renderApp();
    const box = await openPortalMessage(user);
    await user.type(box, 'Note: ');
    await user.click(screen.getByRole('button', { name: 'Quick text' }));
    await user.type(screen.getByRole('combobox', { name: 'Find quick text' }), 'called');
    await user.click(await screen.findByRole('option', { name: /Called back/ }));
    await waitFor(() =>
      expect((box as HTMLTextAreaElement).value).toBe(`Note: I called Carl Diaz on ${today} and left a message.`),
    );
  });

  it('opens the picker with Ctrl+Shift+Space in New Message, where {patient} follows the chosen patient', async () => {
    const { user } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'New Message' })[0]!);
    const body = await screen.findByLabelText('Body');
    await user.click(body);
    await user.keyboard('{Control>}{Shift>} {/Shift}{/Control}');
    const find = await screen.findByRole('combobox', { name: 'Find quick text' });
    expect(document.activeElement).toBe(find);
    await user.type(find, 'called');
    await user.click(await screen.findByRole('option', { name: /Called back/ }));
    // No patient chosen: the placeholder stays for the writer to fill.
    await waitFor(() =>
      expect((body as HTMLTextAreaElement).value).toBe(`I called {patient.name} on ${today} and left a message.`),
    );
  });
});
