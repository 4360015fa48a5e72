// The open message: its actions, the whole thread, and the reply box under it.
import { useEffect } from 'react';
import { selectCurrent, useCurrentMessageStore } from '../../stores/current-message-store.js';
import { PortalThreadBar } from '../portal/PortalThreadBar.js';
import { WorkflowActions } from '../workflow/WorkflowActions.js';
import { MessageActions } from './MessageActions.js';
import { ReplyBox } from './ReplyBox.js';
import { ThreadMessage } from './ThreadMessage.js';
import './message.css';

export function MessagePane({ messageId }: { messageId: string }) {
  const thread = useCurrentMessageStore((s) => s.thread);
  const loading = useCurrentMessageStore((s) => s.loading);
  const error = useCurrentMessageStore((s) => s.error);
  const actionError = useCurrentMessageStore((s) => s.actionError);
  const current = useCurrentMessageStore(selectCurrent);
  const portal = useCurrentMessageStore((s) => s.portal);

  useEffect(() => {
    void useCurrentMessageStore.getState().open(messageId);
  }, [messageId]);

  if (error) {
    return (
      <p role="alert" className="error pane-error">
        {error}
      </p>
    );
  }
  if (!current) return loading ? <p className="muted pane-loading">Opening message…</p> : null;

  return (
    <article className="message-pane" aria-labelledby="message-subject">
      <header className="message-pane-header">
        <h2 id="message-subject">{current.message.subject}</h2>
        <div className="actions">
          <MessageActions view={current} />
          <WorkflowActions view={current} />
        </div>
      </header>
      {portal && <PortalThreadBar thread={portal} />}
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      <ol className="thread" aria-label="Thread">
        {thread.map((view) => (
          <ThreadMessage key={view.message.id} view={view} isCurrent={view.message.id === messageId} />
        ))}
      </ol>
      {/* Keyed so a half-written reply never carries over to another message. */}
      <ReplyBox key={current.message.id} view={current} />
    </article>
  );
}
