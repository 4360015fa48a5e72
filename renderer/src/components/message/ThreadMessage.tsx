// One message of a thread: who, when, body, linked records, attachments and delivery state.
import { useEffect, useRef } from 'react';
import type { MessageView } from '../../../../common/desktop/index.js';
import { fullTime } from '../../lib/format.js';
import { navigate } from '../../stores/route-store.js';
import { UrgentTag } from '../workflow/UrgentTag.js';
import { AttachmentList } from './AttachmentList.js';
import { LinkifiedText } from './LinkifiedText.js';
import { ReceiptLine } from './ReceiptLine.js';
import { RecordLinks } from './RecordLinks.js';

export function ThreadMessage({ view, isCurrent }: { view: MessageView; isCurrent: boolean }) {
  const { message, delivery, deliveryError } = view;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // In a long thread, bring the opened message into view (jsdom has no scrollIntoView).
    if (isCurrent) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [isCurrent]);
  const fromPatient = message.sender.kind === 'patient';
  return (
    <li
      ref={ref}
      className={`thread-message ${isCurrent ? 'current' : ''}`}
      aria-current={isCurrent ? 'true' : undefined}
    >
      <div className="thread-meta">
        <span className="thread-sender">
          {message.sender.name}
          {fromPatient && <span className="portal-tag">Patient Portal</span>}
          {message.priority === 'urgent' && <UrgentTag />}
        </span>
        <time dateTime={message.sentAt} className="muted">
          {fullTime(message.sentAt)}
        </time>
      </div>
      <div className="thread-to muted">To: {message.recipients.map((r) => r.name).join(', ') || '—'}</div>
      <ReceiptLine receipts={view.receipts} />
      {delivery === 'pending' && (
        <p className="delivery pending" data-testid="delivery-pending">
          Pending: waiting to be delivered
        </p>
      )}
      {delivery === 'failed' && (
        <p className="delivery failed" role="alert">
          Not sent: {deliveryError ?? 'the server refused it.'}{' '}
          <button className="link" onClick={() => navigate({ name: 'outbox' })}>
            Retry from the outbox
          </button>
        </p>
      )}
      <div className="thread-body">
        <LinkifiedText text={message.body} />
      </div>
      <RecordLinks message={message} />
      <AttachmentList message={message} />
    </li>
  );
}
