// Keyboard shortcut labels, shared by the key handler and the tooltips (title attributes).
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = isMac ? 'Cmd' : 'Ctrl';

/** Opens the Quick text picker from a message text box. */
export const QUICK_TEXT_SHORTCUT = `${mod}+Shift+Space`;

export const SHORTCUT_HINTS = {
  newMessage: `New Message (N or ${mod}+N)`,
  reply: `Reply (R); ${mod}+Enter sends`,
  flag: 'Flag or unflag (F)',
  archive: 'Archive or move to Inbox (E)',
  search: 'Search messages (/)',
  back: `Back (${isMac ? 'Cmd+[' : 'Alt+Left'})`,
  forward: `Forward (${isMac ? 'Cmd+]' : 'Alt+Right'})`,
  send: `Send (${mod}+Enter)`,
} as const;

/** True when typing in this element should not trigger single-letter shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}
