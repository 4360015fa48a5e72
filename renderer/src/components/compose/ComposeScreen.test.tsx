// @vitest-environment jsdom
// New Message: recipients, patient, subject, body, attachments (files and records), the 10 MB limit, drafts.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.js';
import { renderApp, resetStores } from '../../testing/render-app.js';

async function startNewMessage(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: 'New Message' }));
  return screen.findByRole('form', { name: 'New Message' });
}

describe('New Message', () => {
  it('sends to staff, linked to a patient, with a file and a record attached', async () => {
    const { user, api } = await renderApp();
    await startNewMessage(user);
    await user.type(screen.getByLabelText('To'), 'Lee');
    await user.click(await screen.findByRole('option', { name: /Dr\. Morgan Lee/ }));
    await user.type(screen.getByLabelText('To'), 'Sam');
    await user.click(await screen.findByRole('option', { name: /Sam Ortiz/ }));
    expect(screen.getByRole('button', { name: 'Remove Dr. Morgan Lee' })).toBeTruthy();
    await user.type(screen.getByLabelText('Patient'), 'Ada');
    await user.click(await screen.findByRole('option', { name: /Ada Brown/ }));
    await user.type(screen.getByLabelText('Subject'), 'Follow-up call');
    await user.type(screen.getByLabelText('Body'), 'Please call her today.');
    await user.upload(screen.getByLabelText('Attach'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    expect(await screen.findByRole('button', { name: 'Remove note.txt' })).toBeTruthy();
    await user.click(screen.getByLabelText('Find a record'));
    await user.click(await screen.findByRole('option', { name: /Lab results Nov 2026/ }));
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await screen.findByRole('list', { name: 'Sent messages' });
    const staged = api.calls.find((c) => c.method === 'stageFile');
    expect(staged?.args).toEqual({ name: 'note.txt', mimeType: 'text/plain', base64: btoa('hello') });
    const sent = api.calls.find((c) => c.method === 'sendMessage');
    expect(sent?.args).toMatchObject({
      practiceId: 'p1',
      to: ['u-lee', 'u-ortiz'],
      subject: 'Follow-up call',
      body: 'Please call her today.',
      patientId: 'pt-ada',
      attachments: [
        { kind: 'file', id: expect.stringMatching(/^staged-/) },
        { kind: 'document', id: 'doc-1' },
      ],
    });
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Sent messages' }).textContent).toContain('Follow-up call'),
    );
    expect(api.drafts.get('p1')).toBeNull();
  });

  it('refuses an 11 MB file at once, with sizes that agree with the 10 MiB rule', async () => {
    const { user, api } = await renderApp();
    await startNewMessage(user);
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Attach'), big);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '"scan.pdf" is 11,534,336 bytes. Attachments can\'t be larger than 10 MB (10,485,760 bytes), so it was not attached.',
    );
    expect(screen.getByText('Any kind of file, up to 10 MB (10,485,760 bytes).')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'stageFile')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Remove scan.pdf' })).toBeNull();
  });

  it('asks for a recipient before sending', async () => {
    const { user, api } = await renderApp();
    await startNewMessage(user);
    await user.type(screen.getByLabelText('Subject'), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Add at least one recipient in To.');
    expect(api.calls.some((c) => c.method === 'sendMessage')).toBe(false);
  });

  it('keeps a draft when the window closes and restores it', async () => {
    const { user, api } = await renderApp();
    await startNewMessage(user);
    await user.type(screen.getByLabelText('To'), 'Kim');
    await user.click(await screen.findByRole('option', { name: /Jo Kim/ }));
    await user.type(screen.getByLabelText('Subject'), 'Half-written');
    await user.type(screen.getByLabelText('Body'), 'Draft text');
    await waitFor(() => expect(api.drafts.get('p1')?.body).toBe('Draft text'));
    expect(api.drafts.get('p1')).toMatchObject({ to: ['u-kim'], subject: 'Half-written' });

    cleanup(); // the window closes; a new window starts with fresh stores
    resetStores();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'New Message' }));
    expect(await screen.findByDisplayValue('Half-written')).toBeTruthy();
    expect(screen.getByLabelText('Body')).toHaveProperty('value', 'Draft text');
    expect(screen.getByRole('button', { name: 'Remove Jo Kim' })).toBeTruthy();
  });

  it('starts pre-linked from an encounter', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Messages' }));
    await user.click(await screen.findByRole('button', { name: /Lab results for Ada Brown/ }));
    await user.click(await screen.findByRole('button', { name: 'Nov 20, 2026' }));
    await screen.findByRole('heading', { name: 'Encounter Nov 20, 2026' });
    await user.click(screen.getByRole('button', { name: 'New Message' }));
    await screen.findByRole('form', { name: 'New Message' });
    expect(screen.getByRole('button', { name: 'Remove Encounter Nov 20, 2026' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Remove Ada Brown' })).toBeTruthy();
    await user.type(screen.getByLabelText('To'), 'Lee');
    await user.click(await screen.findByRole('option', { name: /Dr\. Morgan Lee/ }));
    await user.type(screen.getByLabelText('Subject'), 'About this visit');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('list', { name: 'Sent messages' });
    expect(api.calls.find((c) => c.method === 'sendMessage')?.args).toMatchObject({
      encounterId: 'enc-1',
      patientId: 'pt-ada',
    });
  });
});
