// Test-only hooks (Mattermost's e2e idea): registered only when PRACTICE_MESSENGER_E2E=1 in an
// unpackaged app, and read by tests/electron through electronApp.evaluate.
export interface TestHooks {
  trayTooltip(): string | null;
  unreadCount(): number;
  isLocked(): boolean;
  lockNow(): Promise<void>;
  secretsPersistent(): boolean;
  /** Opens a practice-messenger:// link as a second launch would hand it over; false when it is not one. */
  openDeepLink(url: string): boolean;
}

export function registerTestHooks(hooks: TestHooks): void {
  (globalThis as { __practiceMessengerTest?: TestHooks }).__practiceMessengerTest = hooks;
}
