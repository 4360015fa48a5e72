// Back and Forward between screens, as in a browser or Outlook: Alt+Left/Right (Cmd+[ and Cmd+] on a Mac)
// and the mouse's back/forward side buttons.
import { useEffect } from 'react';
import { isMac, isTextEntry } from '../lib/shortcuts.js';
import { useRouteStore } from '../stores/route-store.js';

/** DOM mouse button numbers of the side buttons. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

function historyStep(event: KeyboardEvent): 'back' | 'forward' | null {
  if (event.defaultPrevented || event.shiftKey) return null;
  if (event.altKey && !event.ctrlKey && !event.metaKey) {
    // On a Mac, Option+Left/Right moves by word in a text field: leave that alone there.
    if (isMac && isTextEntry(event.target)) return null;
    if (event.key === 'ArrowLeft') return 'back';
    if (event.key === 'ArrowRight') return 'forward';
  }
  if (event.metaKey && !event.altKey && !event.ctrlKey) {
    if (event.key === '[') return 'back';
    if (event.key === ']') return 'forward';
  }
  return null;
}

function go(step: 'back' | 'forward'): void {
  // A dialog (e.g. an attachment preview) owns the keyboard while it is open.
  if (document.querySelector('[aria-modal="true"]')) return;
  const routes = useRouteStore.getState();
  if (step === 'back') routes.goBack();
  else routes.goForward();
}

function onKeyDown(event: KeyboardEvent): void {
  const step = historyStep(event);
  if (!step) return;
  event.preventDefault();
  go(step);
}

function onMouseUp(event: MouseEvent): void {
  if (event.button !== MOUSE_BACK && event.button !== MOUSE_FORWARD) return;
  // Also stops the browser host's page itself from going back to whatever was open before it.
  event.preventDefault();
  go(event.button === MOUSE_BACK ? 'back' : 'forward');
}

export function useHistoryNavigation(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
}
