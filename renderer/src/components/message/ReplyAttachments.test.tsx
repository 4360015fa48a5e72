// @vitest-environment jsdom
// A reply to a Patient Portal thread is read by that patient, so its attach picker offers only that
// patient's record, encounters and documents (the server refuses anything else: wrong_patient).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../../testing/render-app.js';

const row = (subject: string) =>
  screen.getAllByTestId('message-row').find((r) => r.textContent?.includes(subject)) ?? null;

async function openReplyPicker(subject: string) {
  const { user, api } = await renderApp();
  await openMessages(user);
  await user.click(within(row(subject)!).getByRole('button'));
  await screen.findByRole('article', { name: subject });
  await user.click(screen.getByText('Attach to this reply'));
  const input = screen.getByLabelText('Find a record');
  return { user, api, input };
}

const offered = () => {
  const list = screen.queryByRole('listbox', { name: 'Suggested records' });
  return list
    ? within(list)
        .queryAllByRole('option')
        .map((o) => o.textContent ?? '')
    : [];
};

describe('Reply attachments', () => {
  it("on a portal thread offers only that patient's record, encounters and documents", async () => {
    const { user, api, input } = await openReplyPicker('Question about my prescription');
    expect(screen.getByText(/only Carl Diaz's records can be attached/)).toBeTruthy();
    await user.click(input);
    await waitFor(() => expect(offered()).toHaveLength(3));
    expect(offered()).toEqual([
      expect.stringMatching(/^Carl Diaz.*Patient record/),
      expect.stringMatching(/Sprained ankle follow-up/),
      expect.stringMatching(/^Insurance card/),
    ]);

    // Another patient's name or document never shows, whatever is typed.
    for (const query of ['Ada', 'Lab results']) {
      await user.clear(input);
      await user.type(input, query);
      await waitFor(() => expect(offered()).toEqual([]));
    }
    await user.clear(input);
    await user.type(input, 'a');
    await waitFor(() => expect(offered()).toHaveLength(3));
    expect(offered().join('\n')).not.toMatch(/Ada Brown|Lab results|Annual physical/);
    expect(api.calls.some((c) => c.method === 'searchPatients')).toBe(false);
    expect(api.calls.some((c) => c.method === 'searchDocuments')).toBe(false);

    await user.clear(input);
    await user.type(input, 'insurance');
    await user.click(await screen.findByRole('option', { name: /Insurance card/ }));
    await user.type(screen.getByLabelText('Reply to Carl Diaz'), 'Here is the card we have on file.');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await screen.findByText('Reply sent.');
    expect(api.calls.find((c) => c.method === 'reply')?.args).toMatchObject({
      attachments: [{ kind: 'document', id: 'doc-2' }],
    });
  });

  it('on a staff thread still finds any patient and document of the practice', async () => {
    const { user, input } = await openReplyPicker('Lab results for Ada Brown');
    expect(screen.queryByText(/records can be attached/)).toBeNull();
    await user.type(input, 'Carl');
    expect(await screen.findByRole('option', { name: /Carl Diaz.*Patient record/ })).toBeTruthy();
  });
});
