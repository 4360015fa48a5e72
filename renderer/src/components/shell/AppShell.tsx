// The signed-in frame: top bar, status banners, and the current screen.
import { useEffect } from 'react';
import { useFocusOnScreenChange } from '../../hooks/useFocusOnScreenChange.js';
import { useHistoryNavigation } from '../../hooks/useHistoryNavigation.js';
import { useKeyboardShortcuts } from '../../hooks/useKeyboardShortcuts.js';
import { useUnreadTitle } from '../../hooks/useUnreadTitle.js';
import { useSyncStore } from '../../stores/sync-store.js';
import { useUnreadStore } from '../../stores/unread-store.js';
import { CurrentScreen } from './CurrentScreen.js';
import { StatusBanners } from './StatusBanners.js';
import { TopBar } from './TopBar.js';
import './shell.css';

export function AppShell() {
  useKeyboardShortcuts();
  useHistoryNavigation();
  useUnreadTitle();
  useFocusOnScreenChange('main');
  useEffect(() => {
    void useUnreadStore.getState().load();
    void useSyncStore.getState().load();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <StatusBanners />
      <main className="app-main" id="main">
        <CurrentScreen />
      </main>
    </div>
  );
}
