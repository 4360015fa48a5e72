// @vitest-environment jsdom
// New Message checks a front-desk walk-through asked for (issue 14): a typed patient is linked or refused
// beside the field, subject/body limits are said (never cut), sizes agree with the 10 MiB rule, To never
// offers yourself and explains patients, Ctrl+Enter sends, and attaching shows a progress bar.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render-app.js';

type Harness = Awaited<ReturnType<typeof renderApp>>;

async function startWith(h: Harness, subject = 'Follow-up') {
  await h.user.click(screen.getByRole('button', { name: 'New Message' }));
  await screen.findByRole('form', { name: 'New Message' });
  await h.user.type(screen.getByLabelText('To'), 'Lee');
  await h.user.click(await screen.findByRole('option', { name: /Dr\. Morgan Lee/ }));
  if (subject) await h.user.type(screen.getByLabelText('Subject'), subject);
}

const sends = (h: Harness) => h.api.calls.filter((c) => c.method === 'sendMessage');
const patientField = () => screen.getByLabelText('Patient').closest('.field') as HTMLElement;

describe('New Message: a patient typed but not picked', () => {
  it('links the one patient the text matches when the field is left', async () => {
    const h = await renderApp();
    await startWith(h);
    await h.user.type(screen.getByLabelText('Patient'), 'Carl');
    await h.user.click(screen.getByLabelText('Subject'));
    expect(await within(patientField()).findByRole('button', { name: 'Remove Carl Diaz' })).toBeTruthy();
    expect(screen.getByLabelText('Patient')).toHaveProperty('value', '');
  });

  it('links it when Send is pressed straight away, and sends with it', async () => {
    const h = await renderApp();
    await startWith(h);
    await h.user.type(screen.getByLabelText('Patient'), 'MRN-1001');
    await h.user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('list', { name: 'Sent messages' });
    expect(sends(h).map((c) => c.args)).toEqual([expect.objectContaining({ patientId: 'pt-ada' })]);
  });

  it('refuses to send, saying why beside the field, when the text matches no patient or several', async () => {
    const h = await renderApp();
    await startWith(h);
    const patient = screen.getByLabelText('Patient');
    await h.user.type(patient, 'Zed Nobody');
    await h.user.click(screen.getByRole('button', { name: 'Send' }));
    const problem = await within(patientField()).findByRole('alert');
    expect(problem.textContent).toBe(
      'No patient matches "Zed Nobody". Pick a patient from the list, or clear the Patient field to send without one.',
    );
    expect(patient.getAttribute('aria-invalid')).toBe('true');
    expect(patient.getAttribute('aria-describedby')).toContain(problem.id);
    expect(sends(h)).toEqual([]);

    await h.user.clear(patient);
    await h.user.type(patient, 'a');
    await h.user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(within(patientField()).getByRole('alert').textContent).toBe(
        '"a" matches 2 patients. Pick the right one from the list.',
      ),
    );
    expect(sends(h)).toEqual([]);
    expect(screen.getByRole('form', { name: 'New Message' })).toBeTruthy();
  });
});

describe('New Message: limits', () => {
  it('keeps a subject past 255 characters whole, counts it, and refuses to send it', async () => {
    const h = await renderApp();
    await startWith(h, '');
    const subject = screen.getByLabelText('Subject');
    fireEvent.change(subject, { target: { value: 'x'.repeat(210) } });
    expect(screen.getByText('210 / 255 characters')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(subject, { target: { value: 'y'.repeat(260) } });
    expect(subject).toHaveProperty('value', 'y'.repeat(260));
    expect(screen.getByText('260 / 255 characters')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      'The subject is too long: it can have at most 255 characters. Shorten it to send.',
    );
    await h.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sends(h)).toEqual([]);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'The subject is too long: it can have at most 255 characters. Shorten it to send.',
    );
  });

  it('counts a body near 100,000 characters and refuses one past it', async () => {
    const h = await renderApp();
    await startWith(h);
    const body = screen.getByLabelText('Body');
    expect(screen.queryByText(/\/ 100,000 characters/)).toBeNull();
    fireEvent.change(body, { target: { value: 'b'.repeat(100_001) } });
    expect(screen.getByText('100,001 / 100,000 characters')).toBeTruthy();
    await h.user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sends(h)).toEqual([]);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'The message is too long: it can have at most 100,000 characters. Shorten it to send.',
    );
  });

  it('names a file one byte over 10 MiB by its exact size, which agrees with the limit', async () => {
    const h = await renderApp();
    await startWith(h);
    const file = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    await h.user.upload(screen.getByLabelText('Attach'), file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '"scan.pdf" is 10,485,761 bytes. Attachments can\'t be larger than 10 MB (10,485,760 bytes), so it was not attached.',
    );
    expect(h.api.calls.some((c) => c.method === 'stageFile')).toBe(false);
  });
});

describe('New Message: To', () => {
  it('never offers the signed-in user, and says so when they type their own name', async () => {
    const h = await renderApp();
    await h.user.click(screen.getByRole('button', { name: 'New Message' }));
    await h.user.click(await screen.findByLabelText('To'));
    const names = await screen.findByRole('listbox', { name: 'Suggested names' });
    await waitFor(() => expect(within(names).getAllByRole('option')).toHaveLength(3));
    expect(within(names).queryByRole('option', { name: /Dana Front/ })).toBeNull();
    await h.user.type(screen.getByLabelText('To'), 'Dana');
    expect(await screen.findByText('That is you: a message goes to someone else.')).toBeTruthy();
  });

  it('says how patients are reached when a patient is typed, and when nobody matches', async () => {
    const h = await renderApp();
    await h.user.click(screen.getByRole('button', { name: 'New Message' }));
    const to = await screen.findByLabelText('To');
    await h.user.type(to, 'Carl Diaz');
    const hint = await screen.findByText('Patients can only be answered by replying to their Patient Portal message.');
    expect(to.getAttribute('aria-describedby')).toContain(hint.id);
    expect(screen.queryByRole('listbox', { name: 'Suggested names' })).toBeNull();
    await h.user.clear(to);
    await h.user.type(to, 'Zzyzx');
    expect(await screen.findByText('No staff member of this practice matches that name.')).toBeTruthy();
  });
});

describe('New Message: sending and attaching', () => {
  it('sends with Ctrl+Enter from the body', async () => {
    const h = await renderApp();
    await startWith(h);
    await h.user.type(screen.getByLabelText('Body'), 'See you at 3.');
    await h.user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('list', { name: 'Sent messages' });
    expect(sends(h).map((c) => c.args)).toEqual([expect.objectContaining({ body: 'See you at 3.' })]);
  });

  it('shows a progress bar while a file is attached, and holds Send until it is done', async () => {
    const h = await renderApp();
    await startWith(h);
    let finish: () => void = () => undefined;
    const stage = h.api.stageFile;
    h.api.stageFile = (args) => new Promise((resolve) => (finish = () => resolve(stage(args))));
    await h.user.upload(screen.getByLabelText('Attach'), new File(['x'.repeat(5000)], 'scan.txt'));
    const bar = await screen.findByRole('progressbar', { name: 'Attaching scan.txt: saving…' });
    expect(bar.getAttribute('max')).toBe('5000');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    finish();
    expect(await screen.findByRole('button', { name: 'Remove scan.txt' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false);
  });
});
