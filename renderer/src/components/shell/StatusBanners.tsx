// Banners under the top bar: offline, initial-sync progress, and host notices.
import { count } from '../../lib/format.js';
import { useNoticeStore } from '../../stores/notice-store.js';
import { useSyncStore } from '../../stores/sync-store.js';
import { Icon } from '../common/Icon.js';

function OfflineBanner() {
  const offline = useSyncStore((s) => s.status?.state === 'offline');
  if (!offline) return null;
  return (
    <div className="banner offline" role="status" data-testid="offline-banner">
      <Icon name="offline" />
      <span>
        <strong>You are offline.</strong> Cached messages are still readable. Messages you send and changes you make are
        kept and delivered when the connection returns.
      </span>
    </div>
  );
}

function SyncProgress() {
  const status = useSyncStore((s) => s.status);
  if (!status || status.initialSyncDone || status.state === 'signedOut' || status.state === 'offline') return null;
  const label = `Downloading your messages: ${count(status.syncedMessages)} so far`;
  return (
    <div className="banner sync">
      <span id="sync-progress-label">{label}</span>
      <progress aria-labelledby="sync-progress-label" />
    </div>
  );
}

function CacheNotice() {
  const notice = useNoticeStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="banner notice" role="alert">
      <span>{notice}</span>
      <button onClick={() => useNoticeStore.getState().dismiss()}>Dismiss</button>
    </div>
  );
}

export function StatusBanners() {
  return (
    <div className="banners">
      <OfflineBanner />
      <SyncProgress />
      <CacheNotice />
    </div>
  );
}
