// Keeps the window on our page: no navigation, no new windows, no <webview>. Web links the
// user clicks open in the system browser; any other scheme (file:, javascript:, custom) is refused.

export type ExternalLinkDecision = 'open-in-browser' | 'refuse';

export function decideExternalLink(url: string): ExternalLinkDecision {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? 'open-in-browser' : 'refuse';
  } catch {
    return 'refuse';
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The webContents calls the guards use, injected so tests can drive them without Electron. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardDeps {
  openInBrowser(url: string): Promise<void>;
  /** Our own page: a reload of it is the only navigation allowed (hot reload in development). */
  isOurPage(url: string): boolean;
  log?(message: string): void;
}

export function installNavigationGuards(contents: GuardedContents, deps: GuardDeps): void {
  const log = deps.log ?? ((message: string) => console.warn(message));
  const openOutside = (url: string) => {
    if (decideExternalLink(url) === 'open-in-browser') {
      deps.openInBrowser(url).catch(() => log('Could not open a link in the system browser.'));
    } else {
      log('Refused to open a link with an unsupported scheme.');
    }
  };
  const blockNavigation = (event: PreventableEvent, url: string) => {
    if (deps.isOurPage(url)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
