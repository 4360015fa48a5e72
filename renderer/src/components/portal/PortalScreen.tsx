// The Patient Portal view: the practice's portal conversations as a shared queue (Unassigned, Mine,
// All open, Closed), oldest waiting first, with the open conversation beside the list.
import { useEffect } from 'react';
import type { PortalThreadFilter } from '../../../../common/desktop/index.js';
import { usePortalStore } from '../../stores/portal-store.js';
import { navigate } from '../../stores/route-store.js';
import { Tabs } from '../common/Tabs.js';
import { MessagePane } from '../message/MessagePane.js';
import { PortalThreadList } from './PortalThreadList.js';
import '../messages/messages.css';
import './portal.css';

const filters: { value: PortalThreadFilter; label: string }[] = [
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'mine', label: 'Mine' },
  { value: 'open', label: 'All open' },
  { value: 'closed', label: 'Closed' },
];
const PANEL_ID = 'portal-panel';
const tabId = (filter: PortalThreadFilter) => `portal-tab-${filter}`;

interface Props {
  practiceId: string;
  filter: PortalThreadFilter;
  threadId: string | null;
  /** The conversation's message to show; it stays open when an action moves it to another filter. */
  messageId: string | null;
}

export function PortalScreen({ practiceId, filter, threadId, messageId }: Props) {
  useEffect(() => {
    void usePortalStore.getState().show(practiceId, filter);
  }, [practiceId, filter]);

  return (
    <div className="messages-screen portal-screen">
      <div className="messages-header">
        <h1>Patient Portal</h1>
        <Tabs
          label="Portal conversations"
          className="folder-tabs"
          tabs={filters}
          selected={filter}
          panelId={PANEL_ID}
          tabId={tabId}
          onSelect={(next) => navigate({ name: 'portal', filter: next, threadId: null, messageId: null })}
        />
      </div>
      <div className="messages-split">
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(filter)} className="list-panel">
          <PortalThreadList
            label={`${filters.find((f) => f.value === filter)?.label ?? ''} conversations`}
            selectedId={threadId}
            onOpen={(t) => navigate({ name: 'portal', filter, threadId: t.threadId, messageId: t.lastMessageId })}
          />
        </div>
        <section className="reading-pane" aria-label="Conversation">
          {messageId ? (
            <MessagePane messageId={messageId} />
          ) : (
            <p className="empty-pane muted">Click a conversation to read it and answer the patient.</p>
          )}
        </section>
      </div>
    </div>
  );
}
