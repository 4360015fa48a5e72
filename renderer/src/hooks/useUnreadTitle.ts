// The window title carries the unread count ("Practice Messenger (3 unread)"), so it shows on the
// taskbar and in the window switcher, as Outlook's does; all practices count, like the badge.
import { useEffect } from 'react';
import { count } from '../lib/format.js';
import { useUnreadStore } from '../stores/unread-store.js';

export const APP_TITLE = 'Practice Messenger';

export function unreadTitle(unread: number): string {
  return unread > 0 ? `${APP_TITLE} (${count(unread)} unread)` : APP_TITLE;
}

export function useUnreadTitle(): void {
  const unread = useUnreadStore((s) => s.counts.total);
  useEffect(() => {
    document.title = unreadTitle(unread);
  }, [unread]);
  // Signed out or locked: no count in the title.
  useEffect(() => () => void (document.title = APP_TITLE), []);
}
