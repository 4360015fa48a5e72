// @vitest-environment jsdom
// Back and Forward between screens (issue 14, items 6 and 7): from a message to its patient, encounter or
// document and back, by the top bar's buttons, Alt+Left/Right and the mouse's side buttons; a document
// link opens the document itself.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../../testing/render-app.js';

type Harness = Awaited<ReturnType<typeof renderApp>>;

async function openLabs(h: Harness) {
  await openMessages(h.user);
  await h.user.click(screen.getByRole('button', { name: /Lab results for Ada Brown/ }));
  return screen.findByRole('article', { name: 'Lab results for Ada Brown' });
}

const links = () => screen.getByRole('list', { name: 'Referenced records' });

describe('History', () => {
  it('goes back from a patient to the message with the Back button, and forward again', async () => {
    const h = await renderApp();
    expect(screen.getByRole('button', { name: 'Previous screen' })).toHaveProperty('disabled', true);
    await openLabs(h);
    await h.user.click(within(links()).getByRole('button', { name: 'Ada Brown' }));
    await screen.findByRole('heading', { name: 'Demographics' });
    expect(screen.getByRole('button', { name: 'Previous screen' }).title).toMatch(/Alt\+Left|Cmd\+\[/);
    await h.user.click(screen.getByRole('button', { name: 'Previous screen' }));
    expect(await screen.findByRole('article', { name: 'Lab results for Ada Brown' })).toBeTruthy();
    await h.user.click(screen.getByRole('button', { name: 'Next screen' }));
    expect(await screen.findByRole('heading', { name: 'Demographics' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next screen' })).toHaveProperty('disabled', true);
  });

  it('goes back and forward with Alt+Left and Alt+Right, from an encounter', async () => {
    const h = await renderApp();
    await openLabs(h);
    await h.user.click(within(links()).getByRole('button', { name: 'Nov 20, 2026' }));
    await screen.findByRole('heading', { name: 'Encounter Nov 20, 2026' });
    await h.user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('article', { name: 'Lab results for Ada Brown' })).toBeTruthy();
    await h.user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Encounter Nov 20, 2026' })).toBeTruthy();
    // Three steps back: the message, the Inbox, the Dashboard.
    await h.user.keyboard('{Alt>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('region', { name: 'To Do' })).toBeTruthy();
  });

  it("goes back and forward with the mouse's side buttons", async () => {
    const h = await renderApp();
    await openLabs(h);
    await h.user.click(within(links()).getByRole('button', { name: 'Ada Brown' }));
    await screen.findByRole('heading', { name: 'Demographics' });
    const back = new MouseEvent('mouseup', { button: 3, bubbles: true, cancelable: true });
    fireEvent(document.body, back);
    expect(back.defaultPrevented).toBe(true);
    expect(await screen.findByRole('article', { name: 'Lab results for Ada Brown' })).toBeTruthy();
    fireEvent.mouseUp(document.body, { button: 4 });
    expect(await screen.findByRole('heading', { name: 'Demographics' })).toBeTruthy();
  });

  it('opens a linked document at once, highlighted in Find Documents, and Back returns to the message', async () => {
    const h = await renderApp();
    await openLabs(h);
    await h.user.click(within(links()).getByRole('button', { name: 'Lab results Nov 2026' }));
    const preview = await screen.findByRole('dialog', { name: 'labs-2026-11.pdf' });
    expect(h.api.calls).toContainEqual({
      method: 'getDocumentContent',
      args: { practiceId: 'p1', documentId: 'doc-1' },
    });
    const list = screen.getByRole('listbox', { name: 'Documents' });
    await waitFor(() =>
      expect(
        within(list)
          .getByRole('option', { name: /Lab results Nov 2026/ })
          .getAttribute('aria-selected'),
      ).toBe('true'),
    );
    await h.user.click(within(preview).getByRole('button', { name: 'Close' }));
    await h.user.click(screen.getByRole('button', { name: 'Previous screen' }));
    expect(await screen.findByRole('article', { name: 'Lab results for Ada Brown' })).toBeTruthy();
    // Forward shows the document highlighted again, without opening it a second time.
    await h.user.click(screen.getByRole('button', { name: 'Next screen' }));
    await screen.findByRole('listbox', { name: 'Documents' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(h.api.calls.filter((c) => c.method === 'getDocumentContent')).toHaveLength(1);
  });

  it('starts afresh when the practice changes: Back never leads into the other practice', async () => {
    const h = await renderApp();
    await openLabs(h);
    await h.user.selectOptions(screen.getByLabelText('Practice'), 'p2');
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(screen.getByRole('button', { name: 'Previous screen' })).toHaveProperty('disabled', true);
  });
});
