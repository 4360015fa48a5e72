// Notifier over node-notifier (libnotify, macOS, Windows toasts), for the browser host and tests.
// The Electron host uses Electron's Notification instead.
import notifier from 'node-notifier';
import type { NotificationRequest, Notifier } from '../host-ports.js';

export class NodeNotifierNotifier implements Notifier {
  constructor(private readonly appName = 'Practice Messenger') {}

  notify(request: NotificationRequest, onClick: () => void): void {
    notifier.notify(
      {
        title: request.title,
        // libnotify rejects an empty body; the generic level has nothing else to say.
        message: request.body || this.appName,
        wait: request.target !== null,
      },
      (_error, response) => {
        if (request.target && String(response).toLowerCase().includes('activate')) onClick();
      },
    );
  }
}
