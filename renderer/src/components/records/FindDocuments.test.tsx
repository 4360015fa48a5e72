// @vitest-environment jsdom
// Find Documents: search, highlight one, and start a New Message linked to it.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render-app.js';

describe('Find Documents', () => {
  it('searches, highlights a document and starts a New Message linked to it', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Find Documents' }));
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(screen.getByRole('button', { name: 'New Message' })).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Search documents'), 'insurance');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1));
    await user.click(within(list).getByRole('option', { name: /Insurance card/ }));
    expect(
      within(list)
        .getByRole('option', { name: /Insurance card/ })
        .getAttribute('aria-selected'),
    ).toBe('true');
    await user.click(screen.getByRole('button', { name: 'New Message' }));
    await screen.findByRole('form', { name: 'New Message' });
    expect(screen.getByRole('button', { name: 'Remove Insurance card' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Remove Carl Diaz' })).toBeTruthy();
    await user.type(screen.getByLabelText('To'), 'Kim');
    await user.click(await screen.findByRole('option', { name: /Jo Kim/ }));
    await user.type(screen.getByLabelText('Subject'), 'Card on file');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('list', { name: 'Sent messages' });
    expect(api.calls.find((c) => c.method === 'sendMessage')?.args).toMatchObject({
      documentId: 'doc-2',
      patientId: 'pt-carl',
      to: ['u-kim'],
    });
  });

  it('shows a patient with encounters and documents', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Find Documents' }));
    const list = await screen.findByRole('listbox', { name: 'Documents' });
    await user.click(await within(list).findByRole('option', { name: /Lab results Nov 2026/ }));
    await user.click(screen.getByRole('button', { name: 'Open patient record' }));
    expect(await screen.findByRole('heading', { name: 'Ada Brown' })).toBeTruthy();
    const encounters = screen.getByRole('heading', { name: 'Encounters' }).parentElement!;
    expect(within(encounters).getByRole('button', { name: 'Nov 20, 2026' })).toBeTruthy();
    const documents = screen.getByRole('heading', { name: 'Documents' }).parentElement!;
    expect(within(documents).getByRole('button', { name: 'Lab results Nov 2026' })).toBeTruthy();
  });
});
