// Story page entry (dev-fake.html): the real App over the in-memory fake API. Never part of the app build.
// Query: ?bulk=100000 adds synthetic messages; ?signedOut, ?offline, ?locked, ?syncing set the scene;
// ?open=<messageId> opens a message; ?screen=compose|settings|documents|outbox|patient|encounter|archived|sent|
// portal|audit|snoozed.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setDesktopApiForTests } from './api/client.js';
import { App } from './App.js';
import { useRouteStore, type Route } from './stores/route-store.js';
import { createFakeDesktopApi } from './testing/fake-desktop-api.js';

const params = new URLSearchParams(window.location.search);
const fake = createFakeDesktopApi({
  bulkCount: Number(params.get('bulk') ?? 0),
  signedIn: !params.has('signedOut'),
  portalQueue: true,
});
setDesktopApiForTests(fake);
Object.assign(window, { fakeDesktopApi: fake });

const root = document.getElementById('root');
if (!root) throw new Error('dev-fake.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Scenes are set after the first render so the app hears them as events.
setTimeout(() => {
  if (params.has('offline')) fake.setOffline(true);
  if (params.has('syncing')) {
    fake.emit('syncStatus', {
      state: 'syncing',
      syncedMessages: 41_250,
      initialSyncDone: false,
      lastError: null,
      pendingOutbox: 0,
    });
  }
  if (params.has('locked')) fake.emit('locked', { locked: true });
  const screens: Record<string, Route> = {
    compose: { name: 'compose', link: null },
    settings: { name: 'settings' },
    documents: { name: 'documents', documentId: 'doc-1' },
    outbox: { name: 'outbox' },
    patient: { name: 'patient', patientId: 'pt-ada' },
    encounter: { name: 'encounter', encounterId: 'enc-1' },
    archived: { name: 'messages', folder: 'archived', messageId: null },
    sent: { name: 'messages', folder: 'sent', messageId: null },
    snoozed: { name: 'messages', folder: 'snoozed', messageId: null },
    portal: { name: 'portal', filter: 'open', threadId: null, messageId: null },
    audit: { name: 'audit', messageId: null },
  };
  const screen = screens[params.get('screen') ?? ''];
  if (screen) useRouteStore.getState().navigate(screen);
  const open = params.get('open');
  if (open) useRouteStore.getState().openMessage(open);
}, 300);
