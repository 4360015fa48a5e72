// Read receipts on a message the user sent: "Read by Dr. Lee 10:42 · Not yet read: Priya Shah".
import type { ReceiptView } from '../../../../common/desktop/index.js';
import { listTime } from '../../lib/format.js';

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
              {r.name} <time dateTime={r.readAt ?? undefined}>{listTime(r.readAt ?? '')}</time>
            </span>
          ))}
        </span>
      )}
      {read.length > 0 && unread.length > 0 && ' · '}
      {unread.length > 0 && <span>Not yet read: {unread.map((r) => r.name).join(', ')}</span>}
    </p>
  );
}
