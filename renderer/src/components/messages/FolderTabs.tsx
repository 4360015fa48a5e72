// The Inbox / Archived / Sent / Snoozed tabs (a WAI-ARIA tablist with arrow-key movement).
import { navigate, type MailFolder } from '../../stores/route-store.js';
import { Tabs } from '../common/Tabs.js';

const folders: { value: MailFolder; label: string }[] = [
  { value: 'inbox', label: 'Inbox' },
  { value: 'archived', label: 'Archived' },
  { value: 'sent', label: 'Sent' },
  { value: 'snoozed', label: 'Snoozed' },
];

export const FOLDER_PANEL_ID = 'folder-panel';
export const folderTabId = (folder: MailFolder) => `folder-tab-${folder}`;

export function FolderTabs({ folder }: { folder: MailFolder }) {
  return (
    <Tabs
      label="Folders"
      className="folder-tabs"
      tabs={folders}
      selected={folder}
      panelId={FOLDER_PANEL_ID}
      tabId={folderTabId}
      onSelect={(next) => navigate({ name: 'messages', folder: next, messageId: null })}
    />
  );
}
