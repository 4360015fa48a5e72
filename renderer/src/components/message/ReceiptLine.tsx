// Read receipts on a message the user sent: "Read by Dr. Lee 10:42 · Not yet read: Priya Shah".
import type { ReceiptView } from '../../../../common/desktop/index.js';

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "10:42" today, "Nov 28, 9:05 AM" before: when matters, to the minute. */
function readTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return (d.toDateString() === now.toDateString() ? time : dayAndTime).format(d);
}

export function ReceiptLine({ receipts }: { receipts: ReceiptView[] | undefined }) {
  if (!receipts || receipts.length === 0) return null;
  const read = receipts.filter((r) => r.readAt).sort((a, b) => (a.readAt ?? '').localeCompare(b.readAt ?? ''));
  const unread = receipts.filter((r) => !r.readAt);
  return (
    <p className="receipts" data-testid="receipts">
      {read.length > 0 && (
        <span className="read">
          Read by{' '}
          {read.map((r, i) => (
            <span key={r.userId}>
              {i > 0 && ', '}
              {r.name} <time dateTime={r.readAt ?? undefined}>{readTime(r.readAt ?? '')}</time>
            </span>
          ))}
        </span>
      )}
      {read.length > 0 && unread.length > 0 && ' · '}
      {unread.length > 0 && <span>Not yet read: {unread.map((r) => r.name).join(', ')}</span>}
    </p>
  );
}
