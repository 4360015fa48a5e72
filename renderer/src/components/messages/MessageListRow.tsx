// One row of the message list: sender, subject, time, and the unread/flag/attachment/portal/delivery marks.
// The marks are the button's description, not its name, so "Flag" or "Reply" never match a row by name.
import type { MessageRow } from '../../../../common/desktop/index.js';
import { fullTime, listTime } from '../../lib/format.js';
import { Icon } from '../common/Icon.js';
import { UrgentTag } from '../workflow/UrgentTag.js';

interface Props {
  row: MessageRow;
  /** In Sent the row names the recipients instead of the sender. */
  showRecipients: boolean;
  index: number;
  start: number;
  selected: boolean;
  tabIndex: number;
  onOpen(): void;
  onFocus(): void;
}

/** The row's state in words, for screen readers (and tests). */
export function rowStatus(row: MessageRow): string {
  const parts = [
    row.priority === 'urgent' ? 'Urgent.' : null,
    row.read ? null : 'Unread.',
    row.flagged ? 'Flagged.' : null,
    row.hasAttachments ? 'Has attachments.' : null,
    row.source === 'portal' ? 'Patient Portal.' : null,
    row.delivery === 'pending' ? 'Pending.' : null,
    row.delivery === 'failed' ? 'Not sent.' : null,
    row.snoozedUntil ? `Snoozed until ${fullTime(row.snoozedUntil)}.` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

export function MessageListRow(props: Props) {
  const { row, showRecipients, index, start, selected, tabIndex, onOpen, onFocus } = props;
  const who = showRecipients ? `To: ${row.recipientNames.join(', ')}` : row.senderName;
  const status = rowStatus(row);
  const statusId = `row-status-${row.id}`;
  return (
    <div
      role="listitem"
      data-index={index}
      data-testid="message-row"
      className={`message-row ${row.read ? '' : 'unread'} ${selected ? 'selected' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <button
        className="row-button"
        tabIndex={tabIndex}
        aria-current={selected ? 'true' : undefined}
        aria-describedby={status ? statusId : undefined}
        onClick={onOpen}
        onFocus={onFocus}
      >
        <span className="row-line">
          <span className="unread-dot" />
          <span className="row-sender">{who}</span>
          <span className="row-marks">
            {row.priority === 'urgent' && <UrgentTag hidden />}
            {row.source === 'portal' && (
              <span className="mark portal" title="Patient Portal message">
                <Icon name="portal" />
              </span>
            )}
            {row.hasAttachments && (
              <span className="mark" title="Has attachments">
                <Icon name="paperclip" />
              </span>
            )}
            {row.flagged && (
              <span className="mark flag" title="Flagged">
                <Icon name="flag" />
              </span>
            )}
          </span>
          <time className="row-time" dateTime={row.sentAt}>
            {listTime(row.sentAt)}
          </time>
        </span>
        <span className="row-line">
          <span className="row-subject">{row.subject}</span>
          {row.patientName && <span className="row-patient">{row.patientName}</span>}
          {row.snoozedUntil && (
            <span className="tag" aria-hidden="true">
              Until {fullTime(row.snoozedUntil)}
            </span>
          )}
          {row.delivery === 'pending' && (
            <span className="delivery pending" data-testid="delivery-pending" aria-hidden="true">
              <Icon name="clock" /> Pending
            </span>
          )}
          {row.delivery === 'failed' && (
            <span className="delivery failed" data-testid="delivery-failed" aria-hidden="true">
              <Icon name="alert" /> Not sent
            </span>
          )}
        </span>
      </button>
      {status && (
        <span id={statusId} hidden>
          {status}
        </span>
      )}
    </div>
  );
}
