// The Messages window: unread count, folder tabs, the message list, and the open message beside it.
import { useEffect } from 'react';
import type { MailFolder } from '../../stores/route-store.js';
import { navigate } from '../../stores/route-store.js';
import { useMessageListStore } from '../../stores/message-list-store.js';
import { UnreadCount } from '../common/UnreadCount.js';
import { MessagePane } from '../message/MessagePane.js';
import { FolderTabs, FOLDER_PANEL_ID, folderTabId } from './FolderTabs.js';
import { MessageList } from './MessageList.js';
import './messages.css';

interface Props {
  practiceId: string;
  folder: MailFolder;
  messageId: string | null;
}

export function MessagesScreen({ practiceId, folder, messageId }: Props) {
  useEffect(() => {
    void useMessageListStore.getState().show(practiceId, folder);
  }, [practiceId, folder]);

  return (
    <div className="messages-screen">
      <div className="messages-header">
        <h1>Messages</h1>
        <UnreadCount practiceId={practiceId} />
        <FolderTabs folder={folder} />
        <button className="settings-button" onClick={() => navigate({ name: 'settings' })}>
          Message Settings
        </button>
      </div>
      <div className="messages-split">
        <div id={FOLDER_PANEL_ID} role="tabpanel" aria-labelledby={folderTabId(folder)} className="list-panel">
          <MessageList folder={folder} selectedId={messageId} />
        </div>
        <section className="reading-pane" aria-label="Message">
          {messageId ? (
            <MessagePane messageId={messageId} />
          ) : (
            <p className="empty-pane muted">Click a subject to read the message.</p>
          )}
        </section>
      </div>
    </div>
  );
}
