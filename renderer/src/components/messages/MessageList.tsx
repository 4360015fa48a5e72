// The virtualized message list: only the visible rows are in the DOM; pages load as you scroll.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMessageListStore } from '../../stores/message-list-store.js';
import { useRouteStore, type MailFolder } from '../../stores/route-store.js';
import { MessageListRow } from './MessageListRow.js';

const ROW_HEIGHT = 56;
/** Start loading the next page when the last visible row is this close to the end. */
const PREFETCH_ROWS = 30;

const folderNames: Record<MailFolder, string> = {
  inbox: 'Inbox',
  archived: 'Archived',
  sent: 'Sent',
  snoozed: 'Snoozed',
};

export function MessageList({ folder, selectedId }: { folder: MailFolder; selectedId: string | null }) {
  const rows = useMessageListStore((s) => s.rows);
  const hasMore = useMessageListStore((s) => s.nextCursor !== null);
  const loading = useMessageListStore((s) => s.loading);
  const loaded = useMessageListStore((s) => s.loaded);
  const error = useMessageListStore((s) => s.error);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= rows.length - PREFETCH_ROWS) {
      void useMessageListStore.getState().loadMore();
    }
  }, [hasMore, loading, lastIndex, rows.length]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    // The row may only exist after the virtualizer re-renders.
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] button`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusRow(target);
  };

  const tabIndexFor = (index: number) => (index === Math.min(active, rows.length - 1) ? 0 : -1);

  return (
    <div className="message-list-scroll" ref={scrollRef}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loaded && rows.length === 0 && !error && (
        <p className="empty-list muted">No messages in {folderNames[folder]}.</p>
      )}
      <div
        role="list"
        aria-label={`${folderNames[folder]} messages`}
        aria-busy={loading}
        className="message-list"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <MessageListRow
              key={item.key}
              row={row}
              showRecipients={folder === 'sent'}
              index={item.index}
              start={item.start}
              selected={row.id === selectedId}
              tabIndex={tabIndexFor(item.index)}
              onOpen={() => useRouteStore.getState().openMessage(row.id)}
              onFocus={() => setActive(item.index)}
            />
          );
        })}
      </div>
      {loading && rows.length > 0 && <p className="list-loading muted">Loading more…</p>}
    </div>
  );
}
