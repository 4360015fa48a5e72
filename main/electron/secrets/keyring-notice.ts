// Tells the user, once (until they say "don't show again"), that this computer can't keep their sign-in: on Linux
// without a keyring every start asks for the password again. Says what would fix it; names no account.
import { dialog, type BrowserWindow } from 'electron';

export interface NoticeStore {
  get(key: 'keyringNoticeDismissed'): unknown;
  set(key: 'keyringNoticeDismissed', value: boolean): void;
}

export function keyringNoticeText(reason: string): { message: string; detail: string } {
  return {
    message: 'Practice Messenger will ask you to sign in each time it starts.',
    detail: `${reason} Your sign-in and the message cache key can't be kept safely, so they are forgotten when the app quits. Installing and unlocking a keyring (GNOME Keyring or KWallet) fixes this; ask your IT.`,
  };
}

export function showKeyringNotice(reason: string, store: NoticeStore, window: () => BrowserWindow | null): void {
  if (store.get('keyringNoticeDismissed') === true) return;
  const options = {
    type: 'warning' as const,
    title: 'Sign-in is not kept',
    ...keyringNoticeText(reason),
    checkboxLabel: "Don't show this again",
    buttons: ['OK'],
  };
  const parent = window();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).then((result) => {
    if (result.checkboxChecked) store.set('keyringNoticeDismissed', true);
  });
}
