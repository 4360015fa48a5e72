// Global keys: Ctrl/Cmd+N or "n" new message, "r" reply, "f" flag, "e" archive, "/" search.
import { useEffect } from 'react';
import { isTextEntry } from '../lib/shortcuts.js';
import { toggleArchived } from '../stores/archive-and-next.js';
import { selectCurrent, useCurrentMessageStore } from '../stores/current-message-store.js';
import { useRouteStore } from '../stores/route-store.js';

export const REPLY_BOX_ID = 'reply-box';
export const SEARCH_BOX_ID = 'search-box';

function focusById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  return true;
}

function handleKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey) return;
  const key = event.key.toLowerCase();
  const { route, navigate } = useRouteStore.getState();
  if ((event.ctrlKey || event.metaKey) && key === 'n') {
    event.preventDefault();
    navigate({ name: 'compose', link: null });
    return;
  }
  if (event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
  // A dialog (e.g. an attachment preview) owns the keyboard while it is open.
  if (document.querySelector('[aria-modal="true"]')) return;
  const messages = useCurrentMessageStore.getState();
  const current = route.name === 'messages' && route.messageId ? selectCurrent(messages) : undefined;
  let handled = true;
  if (key === 'n') navigate({ name: 'compose', link: null });
  else if (key === '/') handled = focusById(SEARCH_BOX_ID);
  else if (key === 'r' && current) handled = focusById(REPLY_BOX_ID);
  else if (key === 'f' && current) void messages.setState({ flagged: !current.state.flagged });
  else if (key === 'e' && current) void toggleArchived();
  else handled = false;
  if (handled) event.preventDefault();
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
}
