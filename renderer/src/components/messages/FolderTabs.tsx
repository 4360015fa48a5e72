// The Inbox / Archived / Sent tabs (a WAI-ARIA tablist with arrow-key movement).
import { useRef, type KeyboardEvent } from 'react';
import { navigate, type MailFolder } from '../../stores/route-store.js';

const folders: { folder: MailFolder; label: string }[] = [
  { folder: 'inbox', label: 'Inbox' },
  { folder: 'archived', label: 'Archived' },
  { folder: 'sent', label: 'Sent' },
];

export const FOLDER_PANEL_ID = 'folder-panel';
export const folderTabId = (folder: MailFolder) => `folder-tab-${folder}`;

export function FolderTabs({ folder }: { folder: MailFolder }) {
  const listRef = useRef<HTMLDivElement>(null);
  const go = (next: MailFolder) => navigate({ name: 'messages', folder: next, messageId: null });

  const onKeyDown = (event: KeyboardEvent) => {
    const index = folders.findIndex((f) => f.folder === folder);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = folders[(index + step + folders.length) % folders.length]!.folder;
    go(next);
    listRef.current?.querySelector<HTMLElement>(`#${folderTabId(next)}`)?.focus();
  };

  return (
    <div role="tablist" aria-label="Folders" className="folder-tabs" ref={listRef} onKeyDown={onKeyDown}>
      {folders.map((f) => (
        <button
          key={f.folder}
          id={folderTabId(f.folder)}
          role="tab"
          aria-selected={f.folder === folder}
          aria-controls={FOLDER_PANEL_ID}
          tabIndex={f.folder === folder ? 0 : -1}
          onClick={() => go(f.folder)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
