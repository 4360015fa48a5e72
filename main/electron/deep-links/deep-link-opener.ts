// Opens practice-messenger:// links in the running app: from the first launch's arguments, a second launch's
// (single instance hands them over) and macOS's open-url. Links that come before the engine is ready wait for it.
// Signed in to that server: the window shows the message; signed out: the sign-in form; another server: a note.
import type { DeepLink, SessionInfo, ThreadView } from '../../../common/desktop/index.js';
import { deepLinkAction, parseDeepLink } from '../../core/deep-link/deep-link.js';

export interface DeepLinkOpenerDeps {
  getSession(): Promise<Pick<SessionInfo, 'signedIn' | 'serverUrl'>>;
  /** The message's thread (to learn its practice); rejects when the message is not in the cache. */
  getThread(messageId: string): Promise<Pick<ThreadView, 'messages'>>;
  showWindow(): void;
  showMessage(target: { practiceId: string; messageId: string }): void;
  /** A short note to the user (a dialog), naming servers only. */
  tell(message: string): void;
  log(message: string): void;
}

export class DeepLinkOpener {
  private ready = false;
  private waiting: DeepLink | null = null;

  constructor(private readonly deps: DeepLinkOpenerDeps) {}

  /** The engine is up: open what came before it. */
  engineReady(): void {
    this.ready = true;
    const link = this.waiting;
    this.waiting = null;
    if (link) void this.open(link);
  }

  /** Opens a link given as text; false when it is not one of ours (it is then ignored). */
  openUrl(url: string): boolean {
    const link = parseDeepLink(url);
    if (link) void this.open(link);
    return link !== null;
  }

  async open(link: DeepLink): Promise<void> {
    if (!this.ready) {
      this.waiting = link; // the latest one wins
      return;
    }
    this.deps.showWindow();
    const session = await this.deps.getSession().catch(() => ({ signedIn: false, serverUrl: null }));
    const action = deepLinkAction(link, session);
    this.deps.log(`deep link: ${action.kind}`);
    if (action.kind === 'other-server') {
      this.deps.tell(
        `This link is for the practice server ${action.server}, but Practice Messenger is signed in to ${action.signedInTo}.`,
      );
    } else if (action.kind === 'open-message') {
      const thread = await this.deps.getThread(action.messageId).catch(() => null);
      const message = thread?.messages.find((view) => view.message.id === action.messageId)?.message;
      if (message) this.deps.showMessage({ practiceId: message.practiceId, messageId: message.id });
      else this.deps.log('deep link: message not in the cache yet; showing the inbox');
    }
  }
}
